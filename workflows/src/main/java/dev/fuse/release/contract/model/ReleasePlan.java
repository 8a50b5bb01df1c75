package dev.fuse.release.contract.model;

import java.util.List;
import java.util.Objects;

/**
 * The resolved, frozen plan of one release: what commit, what time, what recipe, where to stage,
 * under which policy and contract. Every target pipeline builds from exactly this, whichever worker
 * runs it. Grouped by concern so that a test or a later change touches one group by name; the
 * accessors below read through the groups for the code that only needs a field.
 *
 * @param targets the targets in canonical order
 * @param staticTargets targets built with the recipe's static-linking arguments (linux-x64 only)
 */
public record ReleasePlan(
        Source source,
        Staging staging,
        Policy policy,
        ContractTerms contract,
        List<Target> targets,
        List<Target> staticTargets) {

    public ReleasePlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(staging, "staging");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(contract, "contract");
        targets = List.copyOf(targets);
        staticTargets = staticTargets == null ? List.of() : List.copyOf(staticTargets);
    }

    /**
     * What is released.
     *
     * @param commit full commit id the revision resolved to
     * @param sourceDateEpoch seconds; the release commit's committer time unless overridden
     * @param recipeSha256 digest of the recipe file at that commit, so a target worker can refuse a
     *     checkout whose recipe differs from the planned one
     * @param previousVersion the version latest.json pointed at when planned, if older; else null
     * @param toolchain toolchain inputs recorded in metadata
     */
    public record Source(
            String version,
            String projectName,
            String repository,
            String commit,
            long sourceDateEpoch,
            String recipeSha256,
            String previousVersion,
            Toolchain toolchain) {
        public Source {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(commit, "commit");
        }
    }

    /**
     * Where this run stages: its bucket, its run id, the run-scoped prefix, and the documents
     * planning staged there with their digests (the release contract and the notes). Metadata
     * lists them in SHA256SUMS and the evidence report names them at these digests, so a document
     * rewritten in staging after planning is never published and an approval of the evidence
     * covers them.
     */
    public record Staging(String bucket, String runId, String prefix, List<ArtifactRef> documents) {
        public Staging {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /**
     * @param allowEmulatedPublish the orchestrator worker's policy on publishing emulated builds
     * @param reproducibilityCheck the recipe asks for a second, independent build of every target
     * @param blockOnReproducibilityMismatch the contract makes a mismatch fail the target
     */
    public record Policy(
            boolean allowEmulatedPublish, boolean reproducibilityCheck, boolean blockOnReproducibilityMismatch) {}

    /**
     * @param id the release contract's id, e.g. aot-release-contract/v0.4
     * @param slo the contract's SLO thresholds; null skips the SLO stages
     * @param thresholdRationale the written rationale for thresholds relaxed since the last release
     * @param changedSince the release whose contract this one's differs from (the notes' base),
     *     or null when unchanged or first: a changed contract needs a maintainer's approval
     */
    public record ContractTerms(String id, SloThresholds slo, String thresholdRationale, String changedSince) {}

    public ReleasePlan withPolicy(Policy changed) {
        return new ReleasePlan(source, staging, changed, contract, targets, staticTargets);
    }

    public ReleasePlan withContract(ContractTerms changed) {
        return new ReleasePlan(source, staging, policy, changed, targets, staticTargets);
    }

    public ReleasePlan withDocuments(List<ArtifactRef> staged) {
        Staging changed = new Staging(staging.bucket(), staging.runId(), staging.prefix(), staged);
        return new ReleasePlan(source, changed, policy, contract, targets, staticTargets);
    }

    /** The documents planning staged (contract, notes), each with its digest. */
    public List<ArtifactRef> documents() {
        return staging.documents();
    }

    /** The release the contract changed since, or null. */
    public String contractChangedSince() {
        return contract.changedSince();
    }

    public boolean linksStatically(Target target) {
        return staticTargets.contains(target);
    }

    public String version() {
        return source.version();
    }

    public String projectName() {
        return source.projectName();
    }

    public String repository() {
        return source.repository();
    }

    public String commit() {
        return source.commit();
    }

    public long sourceDateEpoch() {
        return source.sourceDateEpoch();
    }

    public String recipeSha256() {
        return source.recipeSha256();
    }

    public String previousVersion() {
        return source.previousVersion();
    }

    public Toolchain toolchain() {
        return source.toolchain();
    }

    public String bucket() {
        return staging.bucket();
    }

    public String runId() {
        return staging.runId();
    }

    public String stagingPrefix() {
        return staging.prefix();
    }

    public boolean allowEmulatedPublish() {
        return policy.allowEmulatedPublish();
    }

    public boolean reproducibilityCheck() {
        return policy.reproducibilityCheck();
    }

    public boolean blockOnReproducibilityMismatch() {
        return policy.blockOnReproducibilityMismatch();
    }

    public String contractId() {
        return contract.id();
    }

    public SloThresholds slo() {
        return contract.slo();
    }

    public String thresholdRationale() {
        return contract.thresholdRationale();
    }
}
