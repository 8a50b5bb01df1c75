package dev.fuse.release.workflow;

import dev.fuse.release.model.ApprovalPolicy;
import dev.fuse.release.model.OperatorRequests;
import dev.fuse.release.model.Phase;
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
    /** Null until the release knows whether the policy governs it (an Update may come before that). */
    private Boolean governed;

    OperatorDesk(FailedTargets failedTargets) {
        this.failedTargets = failedTargets;
    }

    /** Whether the approval policy governs this release's operator actions (false: recorded before it did). */
    void governed(boolean governed) {
        this.governed = governed;
    }

    void validateRetry(Subject release, OperatorRequests.Retry retry) {
        failedTargets.checkRetry(release.phase(), retry);
        identity(
                release,
                OperatorRequests.Retry.ACTION,
                retry.statement(release.version()),
                retry.operator(),
                retry.signature());
    }

    void retry(Subject release, OperatorRequests.Retry retry) {
        String who = identity(
                release,
                OperatorRequests.Retry.ACTION,
                retry.statement(release.version()),
                retry.operator(),
                retry.signature());
        failedTargets.requestRetry(new OperatorRequests.Retry(retry.target(), who, retry.reason(), retry.signature()));
    }

    void validateAbandon(Subject release, OperatorRequests.Abandon abandon) {
        failedTargets.checkAbandon(release.phase(), abandon);
        identity(
                release,
                OperatorRequests.Abandon.ACTION,
                abandon.statement(release.version()),
                abandon.operator(),
                abandon.signature());
    }

    void abandon(Subject release, OperatorRequests.Abandon abandon) {
        String who = identity(
                release,
                OperatorRequests.Abandon.ACTION,
                abandon.statement(release.version()),
                abandon.operator(),
                abandon.signature());
        failedTargets.requestAbandon(new OperatorRequests.Abandon(who, abandon.reason(), abandon.signature()));
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
        identity(
                release,
                OperatorRequests.Cancel.ACTION,
                request.statement(release.version()),
                request.operator(),
                request.signature());
    }

    /** Records who cancelled and why; the client then asks Temporal to cancel the execution. */
    void cancel(Subject release, OperatorRequests.Cancel request) {
        String who = identity(
                release,
                OperatorRequests.Cancel.ACTION,
                request.statement(release.version()),
                request.operator(),
                request.signature());
        cancel = new OperatorRequests.Cancel(who, request.reason(), request.signature());
    }

    /** "cancelled by oscar: wrong revision", or the plain reason when Temporal's own cancel was used. */
    String cancelled(String fallback) {
        return cancel == null ? "cancelled: " + fallback : "cancelled by " + cancel.operator() + ": " + cancel.reason();
    }

    private static String identity(
            Subject release, String action, String statement, String operator, String signature) {
        return OperatorRules.check(
                release.policy(),
                new OperatorRules.Action(action, statement, operator == null ? "" : operator, signature),
                release.version(),
                release.requestedBy());
    }
}
