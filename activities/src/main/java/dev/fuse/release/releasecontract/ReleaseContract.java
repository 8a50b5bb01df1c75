package dev.fuse.release.releasecontract;

import dev.fuse.release.contract.model.SloThresholds;

/**
 * The release contract as the released project states it ({@code release-contract.json}):
 * thresholds, the reproducibility policy, and the written rationale a relaxed threshold needs.
 */
public record ReleaseContract(
        int contractVersion, String id, SloThresholds slo, boolean blockOnReproducibilityMismatch, String rationale) {
    public static final String FILE_NAME = "release-contract.json";
}
