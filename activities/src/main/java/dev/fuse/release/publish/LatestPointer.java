package dev.fuse.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.model.ReleaseVersion;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.ObjectInfo;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code releases/latest.json}, the one mutable object of the bucket. It only moves forward in
 * version order, and every move is a compare-and-swap on the ETag so two publishers never lose
 * each other's update.
 */
public final class LatestPointer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 5;
    private final ArtifactStore store;

    public record Latest(String version, String commit, String manifestKey, String manifestSha256, String etag) {}

    public LatestPointer(ArtifactStore store) {
        this.store = store;
    }

    public Optional<Latest> read() {
        Optional<ObjectInfo> info = store.head(StoreLayout.LATEST);
        if (info.isEmpty()) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(store.getBytes(StoreLayout.LATEST));
            return Optional.of(new Latest(
                    n.path("version").asText(),
                    n.path("commit").asText(),
                    n.path("manifestKey").asText(),
                    n.path("manifestSha256").asText(),
                    info.get().etag()));
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, StoreLayout.LATEST + " is not valid JSON", e);
        }
    }

    /** Points latest at {@code version} unless it already points at a newer one; true if moved. */
    public boolean moveForward(String version, String commit, String manifestKey, String manifestSha256) {
        for (int attempt = 1; ; attempt++) {
            Optional<Latest> current = read();
            if (current.isPresent()
                    && ReleaseVersion.parse(current.get().version()).compareTo(ReleaseVersion.parse(version)) >= 0) {
                return current.get().version().equals(version);
            }
            ObjectNode node = JSON.createObjectNode();
            node.put("version", version);
            node.put("commit", commit);
            node.put("manifestKey", manifestKey);
            node.put("manifestSha256", manifestSha256);
            byte[] bytes = (node.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
            try {
                store.putBytesIfUnchanged(
                        StoreLayout.LATEST,
                        bytes,
                        "application/json",
                        current.map(Latest::etag).orElse(null));
                return true;
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.CONFLICT || attempt >= MAX_ATTEMPTS) throw e;
            }
        }
    }
}
