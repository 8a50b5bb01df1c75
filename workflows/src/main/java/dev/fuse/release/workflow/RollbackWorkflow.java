package dev.fuse.release.workflow;

import dev.fuse.release.model.RollbackRequest;
import dev.fuse.release.model.RollbackResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Takes a published release back. Workflow id {@code fuse-rollback-<version>}, task queue
 * {@link TaskQueues#ORCHESTRATOR}; a durable record of who rolled back what, and why.
 */
@WorkflowInterface
public interface RollbackWorkflow {
    String TYPE = "FuseRollback";

    @WorkflowMethod(name = TYPE)
    RollbackResult run(RollbackRequest request);
}
