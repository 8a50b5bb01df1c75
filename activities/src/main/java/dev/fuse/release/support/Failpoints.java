package dev.fuse.release.support;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named points inside activities where a fault drill stops a worker on purpose, so that a test or
 * {@code scripts/soak.sh} can {@code kill -9} it, or cut its network, exactly mid-upload,
 * mid-metadata or mid-publish instead of hoping to hit that window by timing.
 *
 * <p>Armed only by {@code FUSE_RELEASE_FAILPOINTS} (comma-separated {@code name} or {@code
 * name=<seconds>s}, read by the worker at start) or by a test in the same JVM; unarmed, {@link
 * #reach} is one map lookup. An armed point holds the first activity that reaches it: it logs
 * {@code failpoint <name> reached}, then waits, heartbeating, for the given seconds, or until the
 * process is killed, a test {@linkplain #release releases} it, or {@link #MAX_HOLD} passes. Later
 * arrivals pass through, so the retry that follows a kill runs normally.
 */
public final class Failpoints {
    /** Every point the activities define: a drill naming another is refused at worker start. */
    public static final Set<String> NAMES =
            Set.of("stage.after-first-upload", "metadata.after-manifest", "publish.after-first-object");

    static final Duration MAX_HOLD = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(Failpoints.class);
    private static final Map<String, CountDownLatch> armed = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> reached = new ConcurrentHashMap<>();
    private static final Map<String, Duration> holds = new ConcurrentHashMap<>();

    private Failpoints() {}

    /** Arms the points named in {@code spec} (comma-separated); names no point is known by are refused. */
    public static void armFromEnvironment(String spec) {
        if (spec == null || spec.isBlank()) return;
        for (String item : spec.split(",")) {
            if (item.isBlank()) continue;
            String[] parts = item.strip().split("=", 2);
            String name = parts[0];
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("FUSE_RELEASE_FAILPOINTS names an unknown failpoint '" + name
                        + "': use one of " + new TreeSet<>(NAMES) + ", each optionally =<seconds>s");
            }
            if (parts.length == 2 && !parts[1].matches("[0-9]{1,4}s")) {
                throw new IllegalArgumentException("FUSE_RELEASE_FAILPOINTS gives " + name + " the hold '" + parts[1]
                        + "': write seconds such as " + name + "=3s, or no hold to wait until killed");
            }
            arm(name, parts.length == 2 ? Duration.ofSeconds(Long.parseLong(parts[1].replace("s", ""))) : MAX_HOLD);
        }
    }

    /** Arms one point for the next activity that reaches it, to hold it at most {@code hold}. */
    public static void arm(String name, Duration hold) {
        holds.put(name, hold.compareTo(MAX_HOLD) < 0 ? hold : MAX_HOLD);
        armed.put(name, new CountDownLatch(1));
        reached.put(name, new CountDownLatch(1));
    }

    /** Lets the activity held at {@code name} go on. */
    public static void release(String name) {
        CountDownLatch hold = armed.remove(name);
        if (hold != null) hold.countDown();
    }

    /** Waits until an activity holds at {@code name}; false if none did within {@code timeout}. */
    public static boolean awaitReached(String name, Duration timeout) throws InterruptedException {
        CountDownLatch latch = reached.get(name);
        return latch != null && latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The point {@code name} in an activity: holds there when armed, else returns at once. */
    public static void reach(String name, Runnable heartbeat) {
        CountDownLatch hold = armed.get(name);
        CountDownLatch arrival = reached.get(name);
        if (hold == null || arrival == null || arrival.getCount() == 0) return;
        arrival.countDown();
        Duration holdFor = holds.getOrDefault(name, MAX_HOLD);
        log.warn("failpoint {} reached: holding for up to {} s, until killed or released", name, holdFor.toSeconds());
        long deadline = System.nanoTime() + holdFor.toNanos();
        try {
            while (!hold.await(1, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
                heartbeat.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        armed.remove(name, hold);
    }
}
