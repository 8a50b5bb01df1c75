package dev.fuse.release.workflow;

import dev.fuse.release.contract.RollbackWorkflow;
import dev.fuse.release.contract.activity.RollbackActivities;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
import io.temporal.workflow.Workflow;

/** One activity: the bucket holds the state, the workflow the record and the retries. */
public class RollbackWorkflowImpl implements RollbackWorkflow {
    @Override
    public RollbackResult run(RollbackRequest request) {
        RollbackActivities rollback = Workflow.newActivityStub(
                RollbackActivities.class,
                ActivityOptionsCatalog.forRun(ReleaseRequest.DEFAULT_HEARTBEAT_TIMEOUT_SECONDS)
                        .rollback());
        Workflow.setCurrentDetails("rolling back " + request.version() + " (" + request.reason() + ")");
        return rollback.rollback(request.at(Workflow.currentTimeMillis()));
    }
}
