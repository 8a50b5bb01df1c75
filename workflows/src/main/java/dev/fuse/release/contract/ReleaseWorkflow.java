package dev.fuse.release.contract;

import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.TargetProgress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One release of one version: plan, per-target pipelines, metadata, human approval, publish.
 * Workflow id {@code fuse-release-<version>}, task queue {@link TaskQueues#ORCHESTRATOR}.
 */
@WorkflowInterface
public interface ReleaseWorkflow {
    String TYPE = "FuseRelease";

    @WorkflowMethod(name = TYPE)
    ReleaseStatus run(ReleaseRequest request);

    /** The whole release state: phase, per-target stage, artifacts, metadata, decision. */
    @QueryMethod(name = "status")
    ReleaseStatus status();

    /** Approves publication; accepted only while the release awaits approval. */
    @UpdateMethod(name = "approve")
    ReleaseStatus approve(ApprovalDecision decision);

    @UpdateValidatorMethod(updateName = "approve")
    void validateApprove(ApprovalDecision decision);

    /** Rejects publication; the release ends without publishing anything. */
    @UpdateMethod(name = "reject")
    ReleaseStatus reject(ApprovalDecision decision);

    @UpdateValidatorMethod(updateName = "reject")
    void validateReject(ApprovalDecision decision);

    /** Runs a failed target's pipeline again (new child id per attempt); the release goes on when it succeeds. */
    @UpdateMethod(name = "retryTarget")
    ReleaseStatus retryTarget(OperatorRequests.Retry request);

    @UpdateValidatorMethod(updateName = "retryTarget")
    void validateRetryTarget(OperatorRequests.Retry request);

    /** Ends a release that waits on a failed target; nothing is published, staging is kept. */
    @UpdateMethod(name = "abandon")
    ReleaseStatus abandon(OperatorRequests.Abandon request);

    @UpdateValidatorMethod(updateName = "abandon")
    void validateAbandon(OperatorRequests.Abandon request);

    /**
     * Records who cancels the release and why, checked against the approval policy; the client
     * then cancels the execution through Temporal, which stops the pipelines.
     */
    @UpdateMethod(name = "cancel")
    void cancel(OperatorRequests.Cancel request);

    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel(OperatorRequests.Cancel request);

    /** Sent by a target pipeline (child workflow) whenever its stage changes. */
    @SignalMethod(name = "targetProgress")
    void targetProgress(TargetProgress progress);
}
