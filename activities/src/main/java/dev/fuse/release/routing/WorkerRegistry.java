package dev.fuse.release.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which target workers are alive, per platform, as the workers themselves announce it in the
 * bucket: {@code workers/<platform>/<worker>.json} holds the worker's own queue and when it last
 * said so. A target worker rewrites its entry every {@link #ANNOUNCE_EVERY}; an entry older than
 * {@link #ALIVE_FOR} (the worker died, or stopped) is ignored. Temporal's test server cannot list a
 * queue's pollers (DescribeTaskQueue), and the bucket is what every worker already shares; the
 * chooser's clock and the announcer's may differ by seconds, which the generous window and the
 * rebuild's own fallback (a worker that does not take the task in two minutes) absorb.
 */
public final class WorkerRegistry {
    public static final String PREFIX = "workers/";
    public static final Duration ANNOUNCE_EVERY = Duration.ofSeconds(10);
    public static final Duration ALIVE_FOR = Duration.ofSeconds(45);

    private final ArtifactStore store;
    private final Clock clock;

    public WorkerRegistry(ArtifactStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One announcement of worker {@code worker} serving {@code platform}. */
    public void announce(String platform, String worker) {
        write(platform, worker, clock.millis());
    }

    /**
     * A worker that stops says so, so that no rebuild waits for it (there is no delete: the entry
     * is rewritten as never seen). A worker killed outright cannot; its entry ages out instead.
     */
    public void withdraw(String platform, String worker) {
        write(platform, worker, 0);
    }

    private void write(String platform, String worker, long seenAtMillis) {
        ObjectNode entry = CanonicalJson.MAPPER.createObjectNode();
        entry.put("worker", worker);
        entry.put("platform", platform);
        entry.put("queue", TaskQueues.forWorker(platform, worker));
        entry.put("seenAtMillis", seenAtMillis);
        store.putBytes(key(platform, worker), entry.toString().getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /**
     * The own queue of the most recently announced live worker of {@code platform} that is not
     * {@code except}; empty when there is none.
     */
    public Optional<String> otherLiveWorker(String platform, String except) {
        long oldest = clock.millis() - ALIVE_FOR.toMillis();
        return store.listKeys(PREFIX + platform + "/").stream()
                .map(this::read)
                .flatMap(Optional::stream)
                .filter(e -> e.seenAtMillis() >= oldest && !e.worker().equals(except))
                .max(Comparator.comparingLong(Entry::seenAtMillis).thenComparing(Entry::worker))
                .map(Entry::queue);
    }

    static String key(String platform, String worker) {
        return PREFIX + platform + "/" + worker + ".json";
    }

    /** An unreadable or vanished entry counts as no worker, never as a failure of the release. */
    private Optional<Entry> read(String key) {
        try {
            JsonNode node = CanonicalJson.MAPPER.readTree(store.getBytes(key));
            String worker = node.path("worker").asText(null);
            String queue = node.path("queue").asText(null);
            if (worker == null || queue == null || !node.path("seenAtMillis").canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(
                    new Entry(worker, queue, node.path("seenAtMillis").asLong()));
        } catch (IOException | StoreException e) {
            return Optional.empty();
        }
    }

    /** An entry as read; {@link #read} only makes one with both names present. */
    record Entry(String worker, String queue, long seenAtMillis) {}

    /** The worker's name in announcements and queues: host and its worker folder. */
    public static String workerName(String host, String folder) {
        return host + ":" + folder;
    }
}
