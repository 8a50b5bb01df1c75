package dev.fuse.release.workflow;

import dev.fuse.release.contract.TargetPipelineWorkflow;
import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.contract.activity.BuildActivities;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ExtensionBuildRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.TargetPipelineResult;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

/** How the release fans out: one child pipeline per target, and the platform-independent VSIX. */
final class ChildPipelines {
    private final ReleasePlan plan;
    private final ActivityOptionsCatalog activityOptions;

    ChildPipelines(ReleasePlan plan, ActivityOptionsCatalog options) {
        this.plan = plan;
        this.activityOptions = options;
    }

    /**
     * The target's pipeline as a child workflow with a readable id: {@code fuse-release-<version>/<target>},
     * and {@code .../<target>/attempt-<n>} for an operator's retry (a child id is used once).
     */
    Promise<TargetPipelineResult> start(Target target, int attempt) {
        String id = Workflow.getInfo().getWorkflowId() + "/" + target.id() + (attempt > 1 ? "/attempt-" + attempt : "");
        ChildWorkflowOptions options = ChildWorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStaticSummary("Fuse " + plan.version() + " " + target.id() + " pipeline"
                        + (attempt > 1 ? ", attempt " + attempt : ""))
                // A target pipeline has no meaning without its release.
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE)
                .build();
        TargetPipelineWorkflow child = Workflow.newChildWorkflowStub(TargetPipelineWorkflow.class, options);
        return Async.function(child::run, new TargetBuildRequest(plan, target, activityOptions.heartbeatSeconds()));
    }

    /** The VSIX is platform independent; the linux-x64 workers package it. */
    Promise<Artifact> startExtension() {
        BuildActivities extensionBuilder = Workflow.newActivityStub(
                BuildActivities.class,
                activityOptions.build(TaskQueues.forTarget(Target.LINUX_X64), "package VS Code extension"));
        return Async.function(extensionBuilder::buildExtension, new ExtensionBuildRequest(plan));
    }
}
