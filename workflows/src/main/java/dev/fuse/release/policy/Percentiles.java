package dev.fuse.release.policy;

import java.util.List;

/**
 * Nearest-rank percentiles: the p-th percentile of n samples is the ceil(p/100 * n)-th smallest.
 * Always an observed sample (no interpolation), so a figure in a report can be found in its
 * samples. With 20 samples, p95 is the 19th smallest, p50 the 10th.
 */
public final class Percentiles {
    public static final String METHOD = "nearest-rank";

    private Percentiles() {}

    public static double of(List<Double> samples, double percentile) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        double[] sorted =
                samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Improvement of {@code candidate} over {@code baseline} in percent (positive = faster). */
    public static double improvementPercent(double baseline, double candidate) {
        if (baseline <= 0) {
            throw new IllegalArgumentException("baseline must be positive: " + baseline);
        }
        return (baseline - candidate) / baseline * 100.0;
    }
}
