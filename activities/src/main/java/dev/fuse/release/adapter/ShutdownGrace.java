package dev.fuse.release.adapter;

import java.time.Duration;

/**
 * How long running activities may go on once their worker is stopping. The SDK tells a running
 * activity at its next heartbeat that the worker shuts down; {@link Heartbeats} lets the work go
 * on until the grace is over, then lets that news end it, so Temporal hands it to another worker
 * at once instead of after a heartbeat timeout. Heartbeats no longer reach the server during the
 * grace: it must stay below the releases' heartbeat timeout (a minute by default).
 *
 * <p>Process-wide: a worker process runs one {@code ReleaseWorker}; in a JVM that hosts several
 * (the benchmarks), stopping one shortens the grace of all.
 */
public final class ShutdownGrace {
    private static volatile long deadlineNanos = Long.MAX_VALUE;

    private ShutdownGrace() {}

    /** The worker is stopping now; activities may finish within {@code grace}. */
    public static void begin(Duration grace) {
        deadlineNanos = System.nanoTime() + grace.toNanos();
    }

    static boolean over() {
        long deadline = deadlineNanos;
        return deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0;
    }
}
