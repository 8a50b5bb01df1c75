package dev.fuse.release.model;

import java.util.List;

/** The whole state of a release as the {@code status} query reports it. */
public record ReleaseStatus(
        String version,
        Phase phase,
        String commit,
        Long sourceDateEpoch,
        List<TargetStatus> targets,
        List<Artifact> artifacts,
        MetadataResult metadata,
        ApprovalDecision decision,
        DecisionKind decisionKind,
        String publishedPrefix,
        String failure,
        GateReport gates,
        SloReportResult reports) {
    public ReleaseStatus {
        targets = List.copyOf(targets);
        artifacts = List.copyOf(artifacts);
    }
}
