package dev.fuse.release.workflow;

import dev.fuse.release.contract.RollbackWorkflow;
import dev.fuse.release.contract.activity.RollbackActivities;
import dev.fuse.release.contract.model.NotificationEvent;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
import io.temporal.workflow.Workflow;

/** One activity, then the rollback event: the bucket holds the state, the workflow the record and the retries. */
public class RollbackWorkflowImpl implements RollbackWorkflow {
    @Override
    public RollbackResult run(RollbackRequest request) {
        ActivityOptionsCatalog catalog =
                ActivityOptionsCatalog.forRun(ReleaseRequest.DEFAULT_HEARTBEAT_TIMEOUT_SECONDS);
        RollbackActivities rollback =
                Workflow.newActivityStub(RollbackActivities.class, catalog.rollback(SignerQueue.current()));
        Workflow.setCurrentDetails("rolling back " + request.version() + " (" + request.reason() + ")");
        RollbackResult result = rollback.rollback(request.at(Workflow.currentTimeMillis()));
        Notifications notifications = Notifications.load(catalog);
        notifications.send(
                Notifications.event(NotificationEvent.ROLLED_BACK, request.version(), null, request.operator())
                        .withReason("rolled back by " + request.operator() + ": " + request.reason()));
        notifications.finish();
        return result;
    }
}
