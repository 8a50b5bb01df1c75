package dev.fuse.release.contract.model;

import java.util.List;

/**
 * The whole state of a release as the {@code status} query reports it, grouped by what a reader
 * asks: which revision, how each target is doing, what was staged, the evidence, the decision and
 * how it ended. The accessors below the groups read through them and are null-safe.
 */
public record ReleaseStatus(
        String version,
        Phase phase,
        Revision revision,
        List<TargetStatus> targets,
        List<Artifact> artifacts,
        Evidence evidence,
        Approval approval,
        Outcome outcome,
        List<DeliveryStatus> notifications) {

    public ReleaseStatus {
        targets = List.copyOf(targets);
        artifacts = List.copyOf(artifacts);
        revision = revision == null ? new Revision(null, null) : revision;
        evidence = evidence == null ? new Evidence(null, null, null) : evidence;
        approval = approval == null ? new Approval(null, null) : approval;
        outcome = outcome == null ? new Outcome(null, null) : outcome;
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }

    /**
     * This status without what grows with the target matrix (target rows, artifacts, gate rows)
     * and without the notification deliveries:
     * what an update reply and the workflow result carry, since both are kept in the release's
     * history. The {@code status} query answers with the whole state.
     */
    public ReleaseStatus summary() {
        return new ReleaseStatus(
                version,
                phase,
                revision,
                List.of(),
                List.of(),
                new Evidence(evidence.metadata(), null, evidence.reports()),
                approval,
                outcome,
                List.of());
    }

    /** The planned commit and SOURCE_DATE_EPOCH (null until planning is done). */
    public record Revision(String commit, Long sourceDateEpoch) {}

    /** Manifest and checksums, the gate verdicts and the SLO reports, as far as they exist. */
    public record Evidence(MetadataResult metadata, GateReport gates, SloReportResult reports) {}

    /**
     * The outcome (kind null while undecided), the decision that settled it, every decision kept
     * (who, when, digests, key), how many approvals the policy requires, and whether the release
     * still needs a maintainer's approval (its release contract changed).
     *
     * @param decideByMillis when the approval window closes (an expired release counts as
     *     rejected); null until the release waits for a decision
     */
    public record Approval(
            DecisionKind kind,
            ApprovalDecision decision,
            List<ApprovalRecord> records,
            int required,
            boolean needsMaintainer,
            Long decideByMillis) {
        public Approval {
            records = records == null ? List.of() : List.copyOf(records);
        }

        public Approval(DecisionKind kind, ApprovalDecision decision) {
            this(kind, decision, List.of(), 1, false, null);
        }

        /** Approvals still needed (0 once enough are in). */
        public int stillNeeded() {
            long approved = records.stream()
                    .filter(r -> r.kind() == DecisionKind.APPROVED)
                    .count();
            return (int) Math.max(0, required - approved);
        }
    }

    /** Where the release was published, or why it was not. */
    public record Outcome(String publishedPrefix, String failure) {}

    public String commit() {
        return revision.commit();
    }

    public Long sourceDateEpoch() {
        return revision.sourceDateEpoch();
    }

    public MetadataResult metadata() {
        return evidence.metadata();
    }

    public GateReport gates() {
        return evidence.gates();
    }

    public SloReportResult reports() {
        return evidence.reports();
    }

    public DecisionKind decisionKind() {
        return approval.kind();
    }

    public ApprovalDecision decision() {
        return approval.decision();
    }

    public String publishedPrefix() {
        return outcome.publishedPrefix();
    }

    public String failure() {
        return outcome.failure();
    }
}
