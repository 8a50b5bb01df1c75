package dev.fuse.release.contract.model;

/**
 * The SLO table of the release contract, as data: what a release must meet to be offered for
 * approval.
 *
 * @param coldStartP50ImprovementMinPercent AOT cold start at p50 must beat JIT-native by this much
 * @param coldStartP95ImprovementMinPercent same at p95
 * @param strippedBinaryMaxBytes stripped hello-http size limit per target
 * @param buildTimeP95MaxSeconds p95 of the last 20 build jobs of a target
 * @param parityFailuresMax unresolved contract-facing divergences allowed
 */
public record SloThresholds(
        double coldStartP50ImprovementMinPercent,
        double coldStartP95ImprovementMinPercent,
        long strippedBinaryMaxBytes,
        long buildTimeP95MaxSeconds,
        int parityFailuresMax) {}
