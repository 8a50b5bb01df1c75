package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.ApprovalRecord;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The human decisions a release waits for before it publishes: what the approve and reject
 * Updates' validators refuse, what their handlers record, and how the wait ends. It takes the
 * approval policy's number of distinct approvals (one of them a maintainer's when the release
 * contract changed since the previous release), and one rejection ends it.
 */
final class ApprovalGate {
    /** What the validators and handlers need to know about the release. */
    record Subject(Phase phase, String version, String requestedBy, ApprovalRules.Staged staged) {}

    /** How long before the window closes approvers are reminded (when notifications are on). */
    static final Duration WARN_BEFORE = Duration.ofDays(1);

    private ApprovalPolicy policy;
    private String contractChangedSince;
    private DecisionKind outcome;
    private ApprovalDecision settling;
    private Long decideByMillis;
    private long openedMillis;
    private final List<ApprovalRecord> records = new ArrayList<>();

    void use(ApprovalPolicy policy) {
        this.policy = policy;
    }

    /** The release's contract changed since that release: one approval must be a maintainer's. */
    void requireMaintainerSince(String contractChangedSince) {
        this.contractChangedSince = contractChangedSince;
    }

    /** The policy in force; null until the release has loaded it (the first thing it does). */
    ApprovalPolicy policy() {
        return policy;
    }

    ReleaseStatus.Approval approval() {
        boolean needsMaintainer =
                policy != null && contractChangedSince != null && !ApprovalRules.maintainerApproved(policy, records);
        return new ReleaseStatus.Approval(
                outcome,
                settling,
                records,
                policy == null ? 1 : policy.requiredApprovals(),
                needsMaintainer,
                decideByMillis);
    }

    List<ApprovalRecord> records() {
        return List.copyOf(records);
    }

    /** The policy's window, shortened by the release's own {@code --approval-timeout} when that is shorter. */
    Duration window(Duration requested) {
        Duration byPolicy = Duration.ofSeconds(policy.approvalWindowSeconds());
        return byPolicy.compareTo(requested) < 0 ? byPolicy : requested;
    }

    /** Runs before the Update reaches history: a refused decision leaves no trace there. */
    void validate(Subject release, ApprovalDecision decision, DecisionKind kind) {
        String verb = kind == DecisionKind.REJECTED ? "reject" : "approve";
        DecisionRules.check(
                release.phase(),
                outcome,
                release.version(),
                decision,
                verb,
                release.staged().manifestSha256());
        ApprovalRules.check(
                policy, release.version(), release.requestedBy(), kind, decision, release.staged(), records);
    }

    void decide(Subject release, ApprovalDecision decision, DecisionKind kind) {
        if (outcome != null) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "release already " + outcome.word() + " by " + decidedBy(), FailureType.ALREADY_DECIDED.name());
        }
        ApprovalIdentity who = ApprovalRules.check(
                policy, release.version(), release.requestedBy(), kind, decision, release.staged(), records);
        records.add(new ApprovalRecord(
                kind,
                who.approver(),
                decision.comment(),
                decision.manifestSha256(),
                decision.evidenceSha256(),
                Workflow.currentTimeMillis(),
                who.keyFingerprint(),
                decision.signature()));
        ReleaseStatus.Approval now = approval();
        if (kind == DecisionKind.REJECTED || (now.stillNeeded() == 0 && !now.needsMaintainer())) {
            settle(kind, decision);
        }
    }

    /** The window starts now: workflow time, recorded for status only (it adds no command to the history). */
    void open(Duration window) {
        openedMillis = Workflow.currentTimeMillis();
        decideByMillis = openedMillis + window.toMillis();
    }

    /**
     * Waits for enough approvals; returns when the release is approved, otherwise throws the
     * failure that ends it as rejected ({@link ReleaseEnd}). With a {@code warning}, a window
     * longer than {@link #WARN_BEFORE} runs it when that much is left and nobody has decided.
     */
    void await(Duration window, Runnable warning) {
        boolean decided;
        if (warning != null && window.compareTo(WARN_BEFORE) > 0) {
            decided = Workflow.await(window.minus(WARN_BEFORE), () -> outcome != null);
            if (!decided) {
                warning.run();
                decided = Workflow.await(WARN_BEFORE, () -> outcome != null);
            }
        } else {
            decided = Workflow.await(window, () -> outcome != null);
        }
        if (!decided) outcome = DecisionKind.EXPIRED;
        ReleaseMetrics.approvalWaited(Workflow.currentTimeMillis() - openedMillis, outcome);
        if (outcome == DecisionKind.EXPIRED) {
            throw ReleaseEnd.because(
                    FailureType.APPROVAL_EXPIRED,
                    "no decision within " + window + "; an expired approval counts as a rejection");
        }
        if (outcome == DecisionKind.REJECTED) {
            throw ReleaseEnd.because(
                    FailureType.RELEASE_REJECTED, "rejected by " + decidedBy() + ": " + settling.comment());
        }
    }

    /** Who settled it: the approvers (or the one who rejected), by the identities that counted. */
    String decidedBy() {
        if (records.isEmpty()) return settling == null ? "nobody" : settling.approver();
        if (outcome == DecisionKind.REJECTED)
            return records.get(records.size() - 1).approver();
        return String.join(
                ", ",
                records.stream()
                        .filter(r -> r.kind() == DecisionKind.APPROVED)
                        .map(ApprovalRecord::approver)
                        .toList());
    }

    private void settle(DecisionKind kind, ApprovalDecision decision) {
        this.outcome = kind;
        this.settling = decision;
    }
}
