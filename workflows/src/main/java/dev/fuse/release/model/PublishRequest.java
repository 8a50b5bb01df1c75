package dev.fuse.release.model;

import java.util.List;

/**
 * Staged artifacts, metadata and evidence reports to publish, who asked for them and who approved
 * them. The approval record written beside the release binds each decision to the manifest and
 * evidence digests (and, when signed, to the approver's key).
 */
public record PublishRequest(
        ReleasePlan plan,
        List<Artifact> artifacts,
        MetadataResult metadata,
        ApprovalDecision approval,
        List<ArtifactRef> reports,
        String requestedBy,
        List<ApprovalRecord> approvals) {
    public PublishRequest {
        artifacts = List.copyOf(artifacts);
        reports = reports == null ? List.of() : List.copyOf(reports);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    /** A request of releases recorded before approval records existed. */
    public PublishRequest(
            ReleasePlan plan,
            List<Artifact> artifacts,
            MetadataResult metadata,
            ApprovalDecision approval,
            List<ArtifactRef> reports) {
        this(plan, artifacts, metadata, approval, reports, null, List.of());
    }
}
