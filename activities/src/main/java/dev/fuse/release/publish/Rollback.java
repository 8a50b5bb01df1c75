package dev.fuse.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.ReleaseVersion;
import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.index.ReleaseIndex;
import dev.fuse.release.ledger.LedgerEntry;
import dev.fuse.release.ledger.ReleaseLedger;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.policy.OperatorRules;
import dev.fuse.release.signing.ReleaseSigningKey;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.CanonicalJson;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a published version back. The yank marker {@code releases/<version>/YANKED.json} is written
 * once (who, when, why, what replaced it) and {@code releases/latest.json} moves back to the
 * chosen published version by compare-and-swap; nothing published is deleted or overwritten. A
 * retry of the same request finds its own marker and completes.
 */
public final class Rollback {
    private final ArtifactStore store;
    private final ReleaseSigningKey signingKey;

    /** @param signingKey the release key, which signs the rollback's ledger entry */
    public Rollback(ArtifactStore store, ReleaseSigningKey signingKey) {
        this.store = store;
        this.signingKey = signingKey;
    }

    /**
     * @param policy the orchestrator's approval policy, which says who may roll back (and whether
     *     the request must be signed); its check comes before anything is read or written
     */
    public RollbackResult rollback(RollbackRequest asked, ApprovalPolicy policy) throws IOException {
        RollbackRequest request = authorized(asked, policy);
        String version = request.version();
        Destination destination = destination(request);
        ArtifactRef marker = store.putBytesIfAbsent(
                StoreLayout.yankMarker(version), yankRecord(request, destination.to()), "application/json");
        if (destination.wasLatest()) moveLatestBack(version, destination.to());
        new ReleaseIndex(store).recordRollback(version, destination.to(), request.operator(), marker);
        String latestNow = new LatestPointer(store)
                .read()
                .map(LatestPointer.Latest::version)
                .orElse(null);
        recordInLedger(request, marker, latestNow);
        return new RollbackResult(version, latestNow, marker);
    }

    /** Where latest goes, and whether it pointed at the version: or why this rollback cannot apply. */
    private record Destination(String to, boolean wasLatest) {}

    private Destination destination(RollbackRequest request) {
        String version = request.version();
        PublicationState state = PublicationState.of(store, version);
        if (!state.published()) {
            throw refused("version " + version + " was never published; only a published version can be rolled back");
        }
        if (state == PublicationState.YANKED && !isRetryOf(request)) {
            throw refused(alreadyYanked(version));
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
        return new Destination(to, isLatest);
    }

    private void moveLatestBack(String version, String to) throws IOException {
        JsonNode published = CanonicalJson.MAPPER.readTree(store.getBytes(StoreLayout.publishedMarker(to)));
        new LatestPointer(store)
                .moveBack(
                        version,
                        to,
                        published.path("commit").asText(),
                        StoreLayout.releasePrefix(to) + ReleaseMetadata.MANIFEST,
                        published.path("manifestSha256").asText());
    }

    /** The rollback's signed ledger entry, dated by the workflow's clock so that a retry finds it. */
    private void recordInLedger(RollbackRequest request, ArtifactRef marker, String latestNow) throws IOException {
        new ReleaseLedger(store)
                .append(
                        new ReleaseLedger.Event(
                                LedgerEntry.YANKED,
                                request.version(),
                                request.workflowId(),
                                request.operator(),
                                Map.of(StoreLayout.YANKED, marker.sha256()),
                                latestNow),
                        signingKey,
                        Instant.ofEpochMilli(request.atMillis()));
    }

    /** The request under the identity the policy recognises (the key's principal when signed), or a refusal. */
    private static RollbackRequest authorized(RollbackRequest request, ApprovalPolicy policy) {
        try {
            String who = OperatorRules.check(
                    policy,
                    new OperatorRules.Action(
                            RollbackRequest.ACTION,
                            request.statement(),
                            request.operator() == null ? "" : request.operator(),
                            request.signature()),
                    request.version(),
                    null);
            return new RollbackRequest(
                    request.version(), request.to(), who, request.reason(), request.atMillis(), request.signature());
        } catch (ApplicationFailure refusal) {
            FailureType type = FailureType.of(refusal.getType()).orElse(FailureType.ROLLBACK_REFUSED);
            throw new PipelineException(type, refusal.getOriginalMessage());
        }
    }

    /** The same request again (an activity retry): its marker holds exactly what it would write. */
    private boolean isRetryOf(RollbackRequest request) {
        String to = request.to() != null
                ? request.to()
                : readYank(request.version()).path("latestNow").asText();
        return Arrays.equals(store.getBytes(StoreLayout.yankMarker(request.version())), yankRecord(request, to));
    }

    private String alreadyYanked(String version) {
        JsonNode yank = readYank(version);
        return "version " + version + " was already rolled back by "
                + yank.path("yankedBy").asText("someone")
                + " at " + yank.path("yankedAt").asText("an unknown time") + " (latest went to "
                + yank.path("latestNow").asText("?") + "); a yank is final. To move latest, roll back the version"
                + " it names now, or publish a new version";
    }

    private JsonNode readYank(String version) {
        try {
            return CanonicalJson.MAPPER.readTree(store.getBytes(StoreLayout.yankMarker(version)));
        } catch (IOException | RuntimeException e) {
            return CanonicalJson.MAPPER.createObjectNode();
        }
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
