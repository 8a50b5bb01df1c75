package dev.fuse.release.workflow;

import dev.fuse.release.model.ApprovalDecision;
import dev.fuse.release.model.DecisionKind;
import dev.fuse.release.model.Phase;
import dev.fuse.release.model.ReleaseStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The human decision a release waits for before it publishes: what the approve and reject
 * Updates' validators refuse, what their handlers record, and how the wait ends.
 */
final class ApprovalGate {
    private ReleaseStatus.Approval approval = new ReleaseStatus.Approval(null, null);

    ReleaseStatus.Approval approval() {
        return approval;
    }

    /** Runs before the Update reaches history: a refused decision leaves no trace there. */
    void validate(Phase phase, String version, ApprovalDecision decision, String verb, String stagedManifest) {
        DecisionRules.check(phase, approval.kind(), version, decision, verb, stagedManifest);
    }

    void decide(ApprovalDecision decision, DecisionKind kind) {
        if (approval.kind() != null) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "release already " + approval.kind().word() + " by "
                            + approval.decision().approver(),
                    FailureType.ALREADY_DECIDED.name());
        }
        this.approval = new ReleaseStatus.Approval(kind, decision);
    }

    /**
     * Waits for a decision; returns when the release is approved, otherwise records why not with
     * {@code ending} (which moves the release to REJECTED) and throws the failure that ends it.
     */
    void await(Duration window, java.util.function.Consumer<String> ending) {
        boolean decided = Workflow.await(window, () -> approval.kind() != null);
        if (!decided) {
            approval = new ReleaseStatus.Approval(DecisionKind.EXPIRED, null);
            String why = "no decision within " + window + "; an expired approval counts as a rejection";
            ending.accept(why);
            throw ApplicationFailure.newNonRetryableFailure(why, FailureType.APPROVAL_EXPIRED.name());
        }
        if (approval.kind() == DecisionKind.REJECTED) {
            String why = "rejected by " + approval.decision().approver() + ": "
                    + approval.decision().comment();
            ending.accept(why);
            throw ApplicationFailure.newNonRetryableFailure(why, FailureType.RELEASE_REJECTED.name());
        }
    }
}
