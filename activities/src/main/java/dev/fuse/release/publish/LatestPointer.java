package dev.fuse.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.model.ReleaseVersion;
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

    /**
     * Points latest back at {@code to}, but only while it still points at {@code from} (a
     * compare-and-swap on its ETag); true if moved, false if it already points at {@code to}.
     */
    public boolean moveBack(String from, String to, String commit, String manifestKey, String manifestSha256) {
        for (int attempt = 1; ; attempt++) {
            Optional<Latest> current = read();
            if (current.isPresent() && current.get().version().equals(to)) return false;
            if (current.isEmpty() || !current.get().version().equals(from)) {
                throw new StoreException(
                        StoreException.Kind.CONFLICT,
                        StoreLayout.LATEST + " points at "
                                + current.map(Latest::version).orElse("nothing") + ", not " + from
                                + "; someone moved it meanwhile",
                        null);
            }
            try {
                store.putBytesIfUnchanged(
                        StoreLayout.LATEST,
                        pointer(to, commit, manifestKey, manifestSha256),
                        "application/json",
                        current.get().etag());
                return true;
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.CONFLICT || attempt >= MAX_ATTEMPTS) throw e;
            }
        }
    }

    private static byte[] pointer(String version, String commit, String manifestKey, String manifestSha256) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", version);
        node.put("commit", commit);
        node.put("manifestKey", manifestKey);
        node.put("manifestSha256", manifestSha256);
        return (node.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Points latest at {@code version} unless it already points at a newer one; true if moved. */
    public boolean moveForward(String version, String commit, String manifestKey, String manifestSha256) {
        for (int attempt = 1; ; attempt++) {
            Optional<Latest> current = read();
            if (current.isPresent()
                    && ReleaseVersion.parse(current.get().version()).compareTo(ReleaseVersion.parse(version)) >= 0) {
                return current.get().version().equals(version);
            }
            byte[] bytes = pointer(version, commit, manifestKey, manifestSha256);
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
