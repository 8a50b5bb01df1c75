package dev.fuse.release.contract;

import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
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
