package dev.fuse.release.workflow;

import io.temporal.common.SearchAttributeKey;

/**
 * Custom search attributes operators filter on in the Temporal UI. A real cluster needs them
 * registered once (see the README's production section); the embedded stack registers them.
 */
public final class SearchAttributes {
    public static final SearchAttributeKey<String> VERSION = SearchAttributeKey.forKeyword("FuseReleaseVersion");
    public static final SearchAttributeKey<String> PHASE = SearchAttributeKey.forKeyword("FuseReleasePhase");
    public static final SearchAttributeKey<String> COMMIT = SearchAttributeKey.forKeyword("FuseReleaseCommit");
    /** Targets whose pipeline failed and wait for an operator's retry or abandon. */
    public static final SearchAttributeKey<java.util.List<String>> FAILED_TARGETS =
            SearchAttributeKey.forKeywordList("FuseReleaseFailedTargets");
    /** True exactly while the release waits for an approve or reject. */
    public static final SearchAttributeKey<Boolean> AWAITING_APPROVAL =
            SearchAttributeKey.forBoolean("FuseReleaseAwaitingApproval");

    /** Every attribute with its type, for registering them (dev stack, tests, production docs). */
    public static java.util.Map<String, io.temporal.api.enums.v1.IndexedValueType> definitions() {
        java.util.Map<String, io.temporal.api.enums.v1.IndexedValueType> all = new java.util.TreeMap<>();
        for (SearchAttributeKey<?> key : java.util.List.of(VERSION, PHASE, COMMIT, FAILED_TARGETS, AWAITING_APPROVAL)) {
            all.put(key.getName(), key.getValueType());
        }
        return all;
    }

    private SearchAttributes() {}
}
