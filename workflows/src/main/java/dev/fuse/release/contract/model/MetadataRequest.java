package dev.fuse.release.contract.model;

import java.util.List;

/**
 * Everything the metadata is derived from: the plan and the staged artifacts (deterministic
 * files), plus the run's identity, start time and evidence (provenance only).
 *
 * @param targetRecords the targets' kept pipeline results, whose artifacts and evidence files count
 *     as if listed in {@code artifacts} and {@code evidence} (empty in runs from before records)
 */
public record MetadataRequest(
        ReleasePlan plan,
        List<Artifact> artifacts,
        String invocationId,
        long startedOnMillis,
        List<ArtifactRef> evidence,
        List<TargetRecordRef> targetRecords) {
    public MetadataRequest {
        artifacts = List.copyOf(artifacts);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        targetRecords = targetRecords == null ? List.of() : List.copyOf(targetRecords);
    }

    /** A request that lists everything itself. */
    public MetadataRequest(
            ReleasePlan plan,
            List<Artifact> artifacts,
            String invocationId,
            long startedOnMillis,
            List<ArtifactRef> evidence) {
        this(plan, artifacts, invocationId, startedOnMillis, evidence, List.of());
    }

    /** The same request with the targets' artifacts and evidence listed in full. */
    public MetadataRequest withListed(List<Artifact> all, List<ArtifactRef> allEvidence) {
        return new MetadataRequest(plan, all, invocationId, startedOnMillis, allEvidence, List.of());
    }
}
