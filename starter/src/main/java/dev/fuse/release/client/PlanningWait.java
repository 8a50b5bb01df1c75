package dev.fuse.release.client;

import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.contract.model.ReleaseStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How {@code start} learns that planning is over: it polls the release's phase attribute until it
 * leaves PLANNING, bounded in time, and reads the failure of a release that ended there.
 */
final class PlanningWait {
    private final ReleaseClient client;

    PlanningWait(ReleaseClient client) {
        this.client = client;
    }

    /**
     * Waits until the release has left planning, bounded in time. A release that no worker picks up
     * within {@code pickup} (no worker, or a namespace no worker serves) is terminated, so that a
     * failed start leaves nothing running behind it.
     */
    ReleaseClient.Planned await(String version, Duration pickup, Duration planning) {
        long started = System.nanoTime();
        while (true) {
            ReleaseClient.Execution execution = client.execution(version);
            long waited = System.nanoTime() - started;
            if (execution.phase() == null && execution.status().equals("RUNNING")) {
                if (waited > pickup.toNanos()) {
                    client.untyped(version)
                            .terminate("no worker picked the release up within " + pickup.toSeconds() + " s");
                    throw new ReleaseClientException(
                            ReleaseClientException.Kind.NO_WORKER,
                            notPickedUp(client.temporal(), version).getMessage()
                                    + "; the release was stopped, start it again then");
                }
            } else if (!"PLANNING".equals(execution.phase())) {
                return execution.status().equals("RUNNING")
                        ? new ReleaseClient.Planned(true, execution.phase(), null, null)
                        : failure(version);
            } else if (waited > planning.toNanos()) {
                return new ReleaseClient.Planned(true, execution.phase(), null, null);
            }
            ReleaseClient.sleep(250);
        }
    }

    private ReleaseClient.Planned failure(String version) {
        try {
            client.untyped(version).getResult(5, TimeUnit.SECONDS, ReleaseStatus.class);
            return new ReleaseClient.Planned(true, "PUBLISHED", null, null);
        } catch (WorkflowFailedException e) {
            Throwable root = e;
            ApplicationFailure innermost = null;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ApplicationFailure app) innermost = app;
                root = t;
            }
            String message = innermost != null ? innermost.getOriginalMessage() : root.getMessage();
            return new ReleaseClient.Planned(false, "FAILED", innermost == null ? null : innermost.getType(), message);
        } catch (TimeoutException e) {
            return new ReleaseClient.Planned(true, "UNKNOWN", null, null);
        }
    }

    static ReleaseClientException notPickedUp(TemporalConnection temporal, String version) {
        return new ReleaseClientException(
                ReleaseClientException.Kind.NO_WORKER,
                "no worker picked up release " + version + " (namespace "
                        + temporal.namespace()
                        + ", task queue " + TaskQueues.ORCHESTRATOR + " at "
                        + temporal.address() + "); start a worker"
                        + " (./fuse-release dev, or ./fuse-release worker) with the same TEMPORAL_NAMESPACE");
    }
}
