package dev.fuse.release.contract;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Custom search attributes operators filter on in the Temporal UI. A real cluster needs them
 * registered once (see docs/production.md); the embedded stack registers them.
 */
public final class SearchAttributes {
    public static final SearchAttributeKey<String> VERSION = SearchAttributeKey.forKeyword("FuseReleaseVersion");
    public static final SearchAttributeKey<String> PHASE = SearchAttributeKey.forKeyword("FuseReleasePhase");
    public static final SearchAttributeKey<String> COMMIT = SearchAttributeKey.forKeyword("FuseReleaseCommit");
    /** Targets whose pipeline failed and wait for an operator's retry or abandon. */
    public static final SearchAttributeKey<List<String>> FAILED_TARGETS =
            SearchAttributeKey.forKeywordList("FuseReleaseFailedTargets");
    /** True exactly while the release waits for an approve or reject. */
    public static final SearchAttributeKey<Boolean> AWAITING_APPROVAL =
            SearchAttributeKey.forBoolean("FuseReleaseAwaitingApproval");

    private SearchAttributes() {}

    /** Every attribute with its type, for registering them (dev stack, tests, production docs). */
    public static Map<String, IndexedValueType> definitions() {
        Map<String, IndexedValueType> all = new TreeMap<>();
        for (SearchAttributeKey<?> key : List.of(VERSION, PHASE, COMMIT, FAILED_TARGETS, AWAITING_APPROVAL)) {
            all.put(key.getName(), key.getValueType());
        }
        return all;
    }
}
