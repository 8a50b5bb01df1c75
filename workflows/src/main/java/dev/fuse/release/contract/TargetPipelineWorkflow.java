package dev.fuse.release.contract;

import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.TargetPipelineResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The pipeline of one target, as a child workflow {@code fuse-release-<version>/<target>} so that
 * operators see and act on each target on its own. Its activities run on the target's queue.
 */
@WorkflowInterface
public interface TargetPipelineWorkflow {
    String TYPE = "FuseTargetPipeline";

    @WorkflowMethod(name = TYPE)
    TargetPipelineResult run(TargetBuildRequest request);
}
