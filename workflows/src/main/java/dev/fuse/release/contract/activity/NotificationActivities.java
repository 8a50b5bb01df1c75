package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.Delivery;
import dev.fuse.release.contract.model.DeliveryAttempt;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Webhook notifications, sent by the orchestrator worker that holds the endpoints
 * ({@code FUSE_RELEASE_NOTIFY}) and the signing secret. Runs on the orchestrator queue.
 */
@ActivityInterface
public interface NotificationActivities {
    /** A label per configured endpoint (position and host only); empty when none is configured. */
    @ActivityMethod(name = "NotificationEndpoints")
    List<String> endpoints();

    /**
     * One signed POST of the event to one endpoint. A refused or unreachable endpoint is an
     * answer, not a failure: the workflow decides whether to try again.
     */
    @ActivityMethod(name = "DeliverNotification")
    DeliveryAttempt deliver(Delivery delivery);
}
