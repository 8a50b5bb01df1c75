package dev.fuse.release.workflow;

import dev.fuse.release.model.ApprovalDecision;
import dev.fuse.release.model.ApprovalPolicy;
import dev.fuse.release.model.ApprovalRecord;
import dev.fuse.release.model.DecisionKind;
import dev.fuse.release.model.Phase;
import dev.fuse.release.model.ReleaseStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The human decisions a release waits for before it publishes: what the approve and reject
 * Updates' validators refuse, what their handlers record, and how the wait ends. Under an approval
 * policy it takes the policy's number of distinct approvals and one rejection ends it; a release
 * recorded before policies existed (no policy loaded) takes a single decision, as it did then.
 */
final class ApprovalGate {
    /** What the validators and handlers need to know about the release. */
    record Subject(Phase phase, String version, String requestedBy, ApprovalRules.Staged staged) {}

    private ApprovalPolicy policy;
    private DecisionKind outcome;
    private ApprovalDecision settling;
    private final List<ApprovalRecord> records = new ArrayList<>();

    void use(ApprovalPolicy policy) {
        this.policy = policy;
    }

    /** The policy in force, or null for a release recorded before policies were loaded. */
    ApprovalPolicy policy() {
        return policy;
    }

    ReleaseStatus.Approval approval() {
        return new ReleaseStatus.Approval(outcome, settling, records, policy == null ? 1 : policy.requiredApprovals());
    }

    List<ApprovalRecord> records() {
        return List.copyOf(records);
    }

    /** The policy's window, shortened by the release's own {@code --approval-timeout} when that is shorter. */
    Duration window(Duration requested) {
        if (policy == null) return requested;
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
        if (policy != null) {
            ApprovalRules.check(
                    policy, release.version(), release.requestedBy(), kind, decision, release.staged(), records);
        }
    }

    void decide(Subject release, ApprovalDecision decision, DecisionKind kind) {
        if (outcome != null) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "release already " + outcome.word() + " by " + decidedBy(), FailureType.ALREADY_DECIDED.name());
        }
        if (policy == null) {
            settle(kind, decision);
            return;
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
        if (kind == DecisionKind.REJECTED || approval().stillNeeded() == 0) {
            settle(kind, decision);
        }
    }

    /**
     * Waits for enough approvals; returns when the release is approved, otherwise records why not
     * with {@code ending} (which moves the release to REJECTED) and throws the failure that ends it.
     */
    void await(Duration window, Consumer<String> ending) {
        boolean decided = Workflow.await(window, () -> outcome != null);
        if (!decided) {
            outcome = DecisionKind.EXPIRED;
            String why = "no decision within " + window + "; an expired approval counts as a rejection";
            ending.accept(why);
            throw ApplicationFailure.newNonRetryableFailure(why, FailureType.APPROVAL_EXPIRED.name());
        }
        if (outcome == DecisionKind.REJECTED) {
            String why = "rejected by " + decidedBy() + ": " + settling.comment();
            ending.accept(why);
            throw ApplicationFailure.newNonRetryableFailure(why, FailureType.RELEASE_REJECTED.name());
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
