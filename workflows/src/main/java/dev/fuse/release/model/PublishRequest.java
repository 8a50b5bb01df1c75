package dev.fuse.release.model;

import java.util.List;

/**
 * Staged artifacts, metadata and evidence reports to publish, and who approved them. The
 * approval record written beside the release binds the decision to the manifest and report
 * digests.
 */
public record PublishRequest(
        ReleasePlan plan,
        List<Artifact> artifacts,
        MetadataResult metadata,
        ApprovalDecision approval,
        List<ArtifactRef> reports) {
    public PublishRequest {
        artifacts = List.copyOf(artifacts);
        reports = reports == null ? List.of() : List.copyOf(reports);
    }
}
