package dev.fuse.release.model;

import java.util.List;

/**
 * Everything the metadata is derived from: the plan and the staged artifacts (deterministic
 * files), plus the run's identity, start time and evidence (provenance only).
 */
public record MetadataRequest(
        ReleasePlan plan,
        List<Artifact> artifacts,
        String invocationId,
        long startedOnMillis,
        List<ArtifactRef> evidence) {
    public MetadataRequest {
        artifacts = List.copyOf(artifacts);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
