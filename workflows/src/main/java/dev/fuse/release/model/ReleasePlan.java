package dev.fuse.release.model;

import java.util.List;
import java.util.Objects;

/**
 * The resolved, frozen plan of one release: what commit, what time, what recipe. Every target
 * pipeline builds from exactly this, whichever worker runs it.
 *
 * @param commit full commit id the revision resolved to
 * @param sourceDateEpoch seconds; the release commit's committer time unless overridden
 * @param recipeSha256 digest of the recipe file at that commit, so a target worker can refuse a
 *     checkout whose recipe differs from the planned one
 * @param runId the release workflow's run id: staging and logs are scoped by it
 * @param toolchain toolchain inputs recorded in metadata
 * @param allowEmulatedPublish the orchestrator worker's policy on publishing emulated builds
 * @param reproducibilityCheck the recipe asks for a second, independent build of every target
 * @param blockOnReproducibilityMismatch the contract makes a mismatch fail the target
 * @param contractId the release contract's id, e.g. aot-release-contract/v0.4
 * @param slo the contract's SLO thresholds; null skips the SLO stages (plans made before them)
 * @param thresholdRationale the written rationale for thresholds relaxed since the last release
 * @param staticTargets targets built with the recipe's static-linking arguments (linux-x64 only)
 */
public record ReleasePlan(
        String version,
        String projectName,
        String repository,
        String commit,
        long sourceDateEpoch,
        String recipeSha256,
        List<Target> targets,
        String previousVersion,
        String bucket,
        String runId,
        String stagingPrefix,
        Toolchain toolchain,
        boolean allowEmulatedPublish,
        boolean reproducibilityCheck,
        boolean blockOnReproducibilityMismatch,
        String contractId,
        SloThresholds slo,
        String thresholdRationale,
        List<Target> staticTargets) {

    public ReleasePlan {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commit, "commit");
        targets = List.copyOf(targets);
        staticTargets = staticTargets == null ? List.of() : List.copyOf(staticTargets);
    }

    public boolean linksStatically(Target target) {
        return staticTargets.contains(target);
    }
}
