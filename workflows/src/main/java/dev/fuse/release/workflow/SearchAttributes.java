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

    private SearchAttributes() {}
}
