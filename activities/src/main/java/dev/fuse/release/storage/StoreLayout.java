package dev.fuse.release.storage;

/** The object layout of the release bucket, in one place. Keys are wire contracts. */
public final class StoreLayout {
  public static final String LATEST = "releases/latest.json";

  private StoreLayout() {}

  public static String stagingPrefix(String version, String runId) {
    return "staging/" + version + "/" + runId + "/";
  }

  public static String releasePrefix(String version) {
    return "releases/" + version + "/";
  }

  public static String log(String version, String runId, String target, String step) {
    return "logs/" + version + "/" + runId + "/" + target + "/" + step + ".log";
  }

  public static String indexEntry(String version, String runId) {
    return "index/" + version + "/" + runId + ".json";
  }
}
