package dev.fuse.release.report;

/**
 * The figures a release is compared on with the previous one, per target, in the order the notes
 * show them. The id is the wire name in {@code slo-report.json}'s {@code comparison}.
 */
public enum Figure {
    CLI_ARCHIVE("cliArchiveBytes", "cli archive", "B"),
    AOT_ARCHIVE("aotArchiveBytes", "aot archive", "B"),
    STRIPPED_BINARY("strippedBinaryBytes", "stripped binary", "B"),
    COLD_START_AOT_P50("coldStartAotP50Millis", "cold start AOT p50", "ms"),
    COLD_START_AOT_P95("coldStartAotP95Millis", "cold start AOT p95", "ms"),
    COLD_START_JIT_P50("coldStartJitP50Millis", "cold start JIT p50", "ms"),
    COLD_START_JIT_P95("coldStartJitP95Millis", "cold start JIT p95", "ms"),
    BUILD_TIME("buildSeconds", "build time", "s"),
    PARITY_CASES("parityCases", "parity cases", ""),
    PARITY_DIVERGENCES("parityDivergences", "parity divergences", "");

    private final String id;
    private final String label;
    private final String unit;

    Figure(String id, String label, String unit) {
        this.id = id;
        this.label = label;
        this.unit = unit;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
