package dev.fuse.release.contract.model;

import java.util.List;

/**
 * The SLO evidence of one target.
 *
 * @param buildTimesSeconds the last (up to 20) build times of this target, oldest first,
 *     including this release's
 */
public record MeasureResult(
        Target target,
        ColdStart aot,
        ColdStart jit,
        long unstrippedBytes,
        long strippedBytes,
        long buildSeconds,
        List<Double> buildTimesSeconds,
        double buildTimeP95Seconds,
        MeasurementProtocol protocol) {
    public MeasureResult {
        buildTimesSeconds = List.copyOf(buildTimesSeconds);
    }
}
