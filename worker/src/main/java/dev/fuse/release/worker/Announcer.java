package dev.fuse.release.worker;

import dev.fuse.release.routing.WorkerRegistry;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the registry, every {@link WorkerRegistry#ANNOUNCE_EVERY}, that this worker serves its
 * platforms, so that a release can send a reproducibility rebuild to it. A failed announcement
 * is logged once per outage and retried at the next tick: the worst it costs is a rebuild on the
 * same worker.
 */
final class Announcer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Announcer.class);

    private final WorkerRegistry registry;
    private final List<String> platforms;
    private final String worker;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fuse-release-announcer");
        t.setDaemon(true);
        return t;
    });
    private boolean failing;

    Announcer(WorkerRegistry registry, List<String> platforms, String worker) {
        this.registry = registry;
        this.platforms = List.copyOf(platforms);
        this.worker = worker;
    }

    void start() {
        long every = WorkerRegistry.ANNOUNCE_EVERY.toMillis();
        timer.scheduleWithFixedDelay(this::announce, 0, every, TimeUnit.MILLISECONDS);
    }

    private void announce() {
        try {
            for (String platform : platforms) registry.announce(platform, worker);
            if (failing) log.info("announcing {} to the registry again", worker);
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) log.warn("cannot announce {} to the registry (will retry): {}", worker, e.getMessage());
            failing = true;
        }
    }

    /** Stops announcing and withdraws this worker, so that no rebuild is sent to it any more. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            for (String platform : platforms) registry.withdraw(platform, worker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("cannot withdraw {} from the registry; its entry ages out: {}", worker, e.getMessage());
        }
    }
}
