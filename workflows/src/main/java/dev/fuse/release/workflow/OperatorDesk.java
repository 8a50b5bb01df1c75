package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.policy.OperatorRules;
import java.util.List;
import java.util.Set;

/**
 * The operator actions a running release takes (retry a failed target, abandon, cancel): each
 * validator checks the request, the phase and the approval policy before anything reaches
 * history, and each handler records the request under the identity the policy recognised (the
 * key's principal for a signed action).
 */
final class OperatorDesk {
    private static final Set<Phase> ENDED =
            Set.of(Phase.PUBLISHED, Phase.FAILED, Phase.REJECTED, Phase.ABANDONED, Phase.CANCELLED);

    /** What the checks need to know about the release. */
    record Subject(Phase phase, String version, String requestedBy, ApprovalPolicy policy) {}

    private final FailedTargets failedTargets;
    private OperatorRequests.Cancel cancel;

    OperatorDesk(FailedTargets failedTargets) {
        this.failedTargets = failedTargets;
    }

    void validateRetry(Subject release, OperatorRequests.Retry retry) {
        failedTargets.checkRetry(release.phase(), retry);
        identity(release, retry);
    }

    void retry(Subject release, OperatorRequests.Retry retry) {
        failedTargets.requestRetry(new OperatorRequests.Retry(
                retry.target(), identity(release, retry), retry.reason(), retry.signature()));
    }

    void validateAbandon(Subject release, OperatorRequests.Abandon abandon) {
        failedTargets.checkAbandon(release.phase(), abandon);
        identity(release, abandon);
    }

    void abandon(Subject release, OperatorRequests.Abandon abandon) {
        failedTargets.requestAbandon(
                new OperatorRequests.Abandon(identity(release, abandon), abandon.reason(), abandon.signature()));
    }

    void validateCancel(Subject release, OperatorRequests.Cancel request) {
        if (request == null) throw FailureType.INVALID_OPERATOR_REQUEST.refusal("missing cancel request");
        List<String> problems = request.problems();
        if (!problems.isEmpty()) throw FailureType.INVALID_OPERATOR_REQUEST.refusal(String.join("; ", problems));
        if (ENDED.contains(release.phase()) || cancel != null) {
            throw FailureType.WRONG_PHASE.refusal("cannot cancel release " + release.version() + " in phase "
                    + release.phase() + (cancel != null ? " (already cancelled by " + cancel.operator() + ")" : "")
                    + ": only a running release is cancelled");
        }
        identity(release, request);
    }

    /** Records who cancelled and why; the client then asks Temporal to cancel the execution. */
    void cancel(Subject release, OperatorRequests.Cancel request) {
        cancel = new OperatorRequests.Cancel(identity(release, request), request.reason(), request.signature());
    }

    /** "cancelled by oscar: wrong revision", or the plain reason when Temporal's own cancel was used. */
    String cancelled(String fallback) {
        return cancel == null ? "cancelled: " + fallback : "cancelled by " + cancel.operator() + ": " + cancel.reason();
    }

    /**
     * Until the policy is in force nobody acts, or an action sent as the release starts would pass
     * unchecked.
     */
    private String identity(Subject release, OperatorRequests.Request request) {
        if (release.policy() == null) {
            throw FailureType.WRONG_PHASE.refusal("release " + release.version() + " is still loading its approval"
                    + " policy; try again in a few seconds");
        }
        return OperatorRules.check(
                release.policy(),
                new OperatorRules.Action(
                        request.action(),
                        request.statement(release.version()),
                        request.operator() == null ? "" : request.operator(),
                        request.signature()),
                release.version(),
                release.requestedBy());
    }
}
