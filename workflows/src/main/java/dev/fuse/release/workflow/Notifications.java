package dev.fuse.release.workflow;

import dev.fuse.release.contract.Failures;
import dev.fuse.release.contract.activity.NotificationActivities;
import dev.fuse.release.contract.model.Delivery;
import dev.fuse.release.contract.model.DeliveryAttempt;
import dev.fuse.release.contract.model.DeliveryStatus;
import dev.fuse.release.contract.model.Notification;
import dev.fuse.release.contract.model.NotificationEvent;
import dev.fuse.release.contract.model.ReleasePlan;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's webhook notifications: each event goes to every endpoint the orchestrator worker has,
 * in the background, with bounded retries that the workflow schedules itself (so {@code status}
 * can say "retrying" and "given up"). Nothing here ever waits for an endpoint during the release;
 * only the final event is awaited, bounded, because an activity a closed run scheduled is dropped.
 * Deliveries run outside the release's cancellation scope: a cancelled release still tells.
 *
 * <p>Patch {@code notifications} (docs/architecture.md): runs started before notifications existed
 * replay without them.
 */
final class Notifications {
    /** Attempts per event and endpoint, one second apart and doubling: given up after about 15 s. */
    static final int ATTEMPTS = 5;
    /** The longest a run waits at its end for deliveries to settle: every attempt timing out fits. */
    static final Duration FINAL_WAIT = Duration.ofMinutes(2);

    private final NotificationActivities activities;
    private final List<String> endpoints;
    private final List<DeliveryStatus> deliveries = new ArrayList<>();
    private final List<Promise<Void>> pending = new ArrayList<>();
    private int sent;

    private Notifications(NotificationActivities activities, List<String> endpoints) {
        this.activities = activities;
        this.endpoints = List.copyOf(endpoints);
    }

    /** No endpoints: sends nothing and adds nothing to the history. */
    static Notifications none() {
        return new Notifications(null, List.of());
    }

    /** The worker's endpoints, asked once per run; none for a run started before notifications. */
    static Notifications load(ActivityOptionsCatalog options) {
        if (Workflow.getVersion("notifications", Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
            return none();
        }
        List<String> labels = Workflow.newLocalActivityStub(
                        NotificationActivities.class, options.notificationEndpoints())
                .endpoints();
        return new Notifications(
                Workflow.newActivityStub(NotificationActivities.class, options.notification()), labels);
    }

    boolean enabled() {
        return !endpoints.isEmpty();
    }

    List<DeliveryStatus> deliveries() {
        return List.copyOf(deliveries);
    }

    /** A new event of this run and the time it happened; {@link #send} gives it its id. */
    static Notification event(NotificationEvent kind, String version, String commit, String requestedBy) {
        return Notification.of(
                kind,
                Workflow.currentTimeMillis(),
                new Notification.Subject(version, Workflow.getInfo().getRunId(), commit, requestedBy));
    }

    /** An event of this release, with what its state knows (the commit once planned). */
    static Notification about(ReleaseState release, NotificationEvent kind) {
        ReleasePlan plan = release.plan();
        return event(kind, release.version(), plan == null ? null : plan.commit(), release.requestedBy());
    }

    /** Starts delivering {@code notification} to every endpoint and returns at once. */
    void send(Notification event) {
        if (!enabled()) return;
        // The run's id and the event's number in it: unique across runs, the same on every attempt and
        // every endpoint (a receiver deduplicates by it), and drawn from no random sequence.
        Notification notification = event.withId(Workflow.getInfo().getRunId() + "." + (++sent));
        for (int endpoint = 0; endpoint < endpoints.size(); endpoint++) {
            int to = endpoint;
            int index = deliveries.size();
            deliveries.add(new DeliveryStatus(
                    notification.id(),
                    notification.event(),
                    endpoints.get(endpoint),
                    DeliveryStatus.State.SENDING,
                    0,
                    null));
            Workflow.newDetachedCancellationScope(
                            () -> pending.add(Async.procedure(() -> deliver(to, notification, index))))
                    .run();
        }
    }

    /**
     * Waits, at most {@link #FINAL_WAIT}, for every delivery to settle; one still unsettled then is
     * given up. Runs detached, so a cancelled release waits too.
     */
    void finish() {
        if (pending.isEmpty()) return;
        Workflow.newDetachedCancellationScope(() -> Workflow.await(FINAL_WAIT, this::settled))
                .run();
        for (int i = 0; i < deliveries.size(); i++) {
            DeliveryStatus d = deliveries.get(i);
            if (!d.state().settled()) {
                deliveries.set(i, d.after(DeliveryStatus.State.GIVEN_UP, d.attempts(), "the run ended first"));
            }
        }
    }

    private boolean settled() {
        return pending.stream().allMatch(Promise::isCompleted);
    }

    private void deliver(int endpoint, Notification notification, int index) {
        for (int attempt = 1; ; attempt++) {
            DeliveryAttempt result = attempt(new Delivery(endpoint, attempt, notification));
            DeliveryStatus current = deliveries.get(index);
            if (result.delivered()) {
                deliveries.set(index, current.after(DeliveryStatus.State.DELIVERED, attempt, result.outcome()));
                return;
            }
            if (!result.retryable() || attempt == ATTEMPTS) {
                deliveries.set(index, current.after(DeliveryStatus.State.GIVEN_UP, attempt, result.outcome()));
                return;
            }
            deliveries.set(index, current.after(DeliveryStatus.State.RETRYING, attempt, result.outcome()));
            Workflow.sleep(Duration.ofSeconds(1L << (attempt - 1)));
        }
    }

    /** One attempt; a worker that failed at it (its own retries spent) counts as a failed attempt. */
    private DeliveryAttempt attempt(Delivery delivery) {
        try {
            return activities.deliver(delivery);
        } catch (ActivityFailure e) {
            return DeliveryAttempt.failed(true, "the notifying worker failed: " + Failures.rootMessage(e));
        }
    }
}
