package dev.fuse.release.contract.model;

import java.util.List;

/**
 * Staged artifacts, metadata and evidence reports to publish, who asked for them and who approved
 * them. The approval record written beside the release binds each decision to the manifest and
 * evidence digests (and, when signed, to the approver's key).
 *
 * @param targetRecords the targets' kept pipeline results, whose artifacts count as if listed in
 *     {@code artifacts} (empty in runs from before records)
 */
public record PublishRequest(
        ReleasePlan plan,
        List<Artifact> artifacts,
        MetadataResult metadata,
        ApprovalDecision approval,
        List<ArtifactRef> reports,
        String requestedBy,
        List<ApprovalRecord> approvals,
        List<TargetRecordRef> targetRecords) {
    public PublishRequest {
        artifacts = List.copyOf(artifacts);
        reports = reports == null ? List.of() : List.copyOf(reports);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        targetRecords = targetRecords == null ? List.of() : List.copyOf(targetRecords);
    }

    /** The same request with the targets' artifacts listed in full (read from their records). */
    public PublishRequest withArtifacts(List<Artifact> all) {
        return new PublishRequest(plan, all, metadata, approval, reports, requestedBy, approvals, List.of());
    }
}
