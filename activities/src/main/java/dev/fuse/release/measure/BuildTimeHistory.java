package dev.fuse.release.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.ObjectInfo;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code metrics/build-times/<target>.jsonl}: one line per build job of a target. Appending is a
 * compare-and-swap on the object's ETag, and keyed by run id so a retried activity never counts
 * the same build twice. Concurrent releases of one target contend for the object (20 releases at
 * once did, in benchmark B4): a lost swap is retried after a random pause that grows with the
 * attempt, and running out of attempts is a TRANSIENT failure Temporal retries, never a verdict.
 */
public final class BuildTimeHistory {
    public static final int WINDOW = 20;
    private static final int MAX_ATTEMPTS = 20;
    private static final long PAUSE_MILLIS_PER_ATTEMPT = 25;
    private final ArtifactStore store;

    public BuildTimeHistory(ArtifactStore store) {
        this.store = store;
    }

    public static String key(String target) {
        return "metrics/build-times/" + target + ".jsonl";
    }

    /** Appends this job (once per run id) and returns the last {@link #WINDOW} build times, oldest first. */
    public List<Double> append(String target, String runId, String version, double seconds) throws IOException {
        String key = key(target);
        for (int attempt = 1; ; attempt++) {
            Optional<ObjectInfo> info = store.head(key);
            String text = info.isPresent() ? new String(store.getBytes(key), StandardCharsets.UTF_8) : "";
            List<JsonNode> lines = new ArrayList<>();
            boolean already = false;
            for (String line : text.split("\n")) {
                if (line.isBlank()) continue;
                JsonNode n = CanonicalJson.MAPPER.readTree(line);
                lines.add(n);
                already |= runId.equals(n.path("runId").asText());
            }
            if (!already) {
                ObjectNode entry = CanonicalJson.MAPPER.createObjectNode();
                entry.put("runId", runId);
                entry.put("version", version);
                entry.put("seconds", seconds);
                lines.add(entry);
                String updated = text + entry + "\n";
                try {
                    store.putBytesIfUnchanged(
                            key,
                            updated.getBytes(StandardCharsets.UTF_8),
                            "application/x-ndjson",
                            info.map(ObjectInfo::etag).orElse(null));
                } catch (StoreException e) {
                    if (e.kind() != StoreException.Kind.CONFLICT) throw e;
                    if (attempt >= MAX_ATTEMPTS) {
                        throw new PipelineException(
                                FailureType.TRANSIENT,
                                "cannot append to " + key + ": " + MAX_ATTEMPTS
                                        + " other releases wrote it first; the activity is retried");
                    }
                    pause(attempt);
                    continue;
                }
            }
            List<Double> window = new ArrayList<>();
            for (JsonNode n : lines.subList(Math.max(0, lines.size() - WINDOW), lines.size())) {
                window.add(n.path("seconds").asDouble());
            }
            return window;
        }
    }

    /** A random pause, so that writers that collided do not collide again in lockstep. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, PAUSE_MILLIS_PER_ATTEMPT * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException(FailureType.TRANSIENT, "interrupted while appending to a build-time history");
        }
    }
}
