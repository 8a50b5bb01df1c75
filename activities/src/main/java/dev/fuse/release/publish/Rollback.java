package dev.fuse.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.index.ReleaseIndex;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.model.ArtifactRef;
import dev.fuse.release.model.ReleaseVersion;
import dev.fuse.release.model.RollbackRequest;
import dev.fuse.release.model.RollbackResult;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.CanonicalJson;
import dev.fuse.release.workflow.FailureType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Takes a published version back. The yank marker {@code releases/<version>/YANKED.json} is written
 * once (who, when, why, what replaced it) and {@code releases/latest.json} moves back to the
 * chosen published version by compare-and-swap; nothing published is deleted or overwritten. A
 * retry of the same request finds its own marker and completes.
 */
public final class Rollback {
    private final ArtifactStore store;

    public Rollback(ArtifactStore store) {
        this.store = store;
    }

    public RollbackResult rollback(RollbackRequest request) throws IOException {
        String version = request.version();
        if (!PublicationState.of(store, version).published()) {
            throw refused("version " + version + " was never published; only a published version can be rolled back");
        }
        Optional<LatestPointer.Latest> latest = new LatestPointer(store).read();
        boolean isLatest = latest.isPresent() && latest.get().version().equals(version);
        String to = request.to() != null ? request.to() : newestPublishedBefore(version);
        if (request.to() == null && !isLatest && !alreadyYankedTo(version, to)) {
            throw refused("version " + version + " is not latest (latest is "
                    + latest.map(LatestPointer.Latest::version).orElse("nothing")
                    + "); pass --to <version> to say where latest should point");
        }
        if (to == null) {
            throw refused("no published version before " + version + " to roll back to; pass --to <version>");
        }
        if (PublicationState.of(store, to) != PublicationState.PUBLISHED) {
            throw refused("--to " + to + " is not a published, unyanked version; latest only points at one");
        }
        ArtifactRef marker =
                store.putBytesIfAbsent(StoreLayout.yankMarker(version), yankRecord(request, to), "application/json");
        if (isLatest) {
            JsonNode published = CanonicalJson.MAPPER.readTree(store.getBytes(StoreLayout.publishedMarker(to)));
            new LatestPointer(store)
                    .moveBack(
                            version,
                            to,
                            published.path("commit").asText(),
                            StoreLayout.releasePrefix(to) + ReleaseMetadata.MANIFEST,
                            published.path("manifestSha256").asText());
        }
        new ReleaseIndex(store).recordRollback(version, to, request.operator(), marker);
        return new RollbackResult(
                version,
                new LatestPointer(store)
                        .read()
                        .map(LatestPointer.Latest::version)
                        .orElse(null),
                marker);
    }

    /** The newest published, unyanked version older than {@code version}, if any. */
    private String newestPublishedBefore(String version) {
        ReleaseVersion limit = ReleaseVersion.parse(version);
        return store.listFolders("releases/").stream()
                .map(f -> f.substring("releases/".length(), f.length() - 1))
                .filter(ReleaseVersion::isValid)
                .filter(v -> ReleaseVersion.parse(v).compareTo(limit) < 0)
                .filter(v -> PublicationState.of(store, v) == PublicationState.PUBLISHED)
                .max(Comparator.comparing(ReleaseVersion::parse))
                .orElse(null);
    }

    /** A retry after the marker was written and latest moved: the same request, completed. */
    private boolean alreadyYankedTo(String version, String to) {
        return store.exists(StoreLayout.yankMarker(version))
                && new LatestPointer(store)
                        .read()
                        .map(l -> l.version().equals(to))
                        .orElse(false);
    }

    private static byte[] yankRecord(RollbackRequest request, String to) {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("version", request.version());
        root.put("yankedBy", request.operator());
        root.put("yankedAt", Instant.ofEpochMilli(request.atMillis()).toString());
        root.put("reason", request.reason());
        root.put("latestNow", to);
        return CanonicalJson.write(root).getBytes(StandardCharsets.UTF_8);
    }

    private static PipelineException refused(String message) {
        return new PipelineException(FailureType.ROLLBACK_REFUSED, message);
    }
}
