package dev.fuse.release.storage;

/** The object layout of the release bucket, in one place. Keys are wire contracts. */
public final class StoreLayout {
    public static final String LATEST = "releases/latest.json";

    /** A release's manifest, staged and published under this name. */
    public static final String MANIFEST = "release-artifacts.json";

    private StoreLayout() {}

    public static String stagingPrefix(String version, String runId) {
        return "staging/" + version + "/" + runId + "/";
    }

    public static String releasePrefix(String version) {
        return "releases/" + version + "/";
    }

    /**
     * The evidence of the run that published a release (approval, SLO reports, provenance). It is
     * run-scoped, so a later run of a version whose publication never completed cannot collide
     * with what an earlier run left behind.
     */
    public static String evidencePrefix(String version, String runId) {
        return releasePrefix(version) + "evidence/" + runId + "/";
    }

    /** Written last: a release is published exactly when this object exists. */
    public static String yankMarker(String version) {
        return releasePrefix(version) + YANKED;
    }

    public static final String YANKED = "YANKED.json";

    public static String publishedMarker(String version) {
        return releasePrefix(version) + PUBLISHED;
    }

    public static final String PUBLISHED = "PUBLISHED.json";

    public static String log(String version, String runId, String target, String step) {
        return "logs/" + version + "/" + runId + "/" + target + "/" + step + ".log";
    }

    public static String indexEntry(String version, String runId) {
        return "index/" + version + "/" + runId + ".json";
    }
}
