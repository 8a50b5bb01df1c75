package dev.fuse.release.adapter;

import io.temporal.activity.Activity;
import io.temporal.client.ActivityWorkerShutdownException;

/** Heartbeat callback for plain code running inside an activity. */
final class Heartbeats {
    private Heartbeats() {}

    /**
     * Temporal throttles heartbeats itself, so calling this often is cheap. A heartbeat is also
     * how a cancelled or timed-out activity learns to stop: the exception it throws ends the work.
     */
    static Runnable current() {
        var context = Activity.getExecutionContext();
        return () -> {
            try {
                context.heartbeat(null);
            } catch (ActivityWorkerShutdownException stopping) {
                // The worker is stopping: finish within the grace, else end so another worker takes over.
                if (ShutdownGrace.over()) throw stopping;
            }
        };
    }
}
