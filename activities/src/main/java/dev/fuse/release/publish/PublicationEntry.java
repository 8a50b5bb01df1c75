package dev.fuse.release.publish;

import dev.fuse.release.contract.model.ApprovalRecord;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.ledger.LedgerEntry;
import dev.fuse.release.ledger.ReleaseLedger;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.signing.ReleaseSigningKey;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A publication's entry in the release ledger, appended once the release is public. */
final class PublicationEntry {
    private PublicationEntry() {}

    /** The publication's ledger entry: the digests of SHA256SUMS and PUBLISHED.json, where latest points now. */
    static void append(
            ArtifactStore store,
            ReleaseSigningKey signingKey,
            Instant now,
            PublishRequest request,
            List<ArtifactRef> published,
            LatestPointer latest)
            throws IOException {
        String version = request.plan().version();
        Map<String, String> objects = new TreeMap<>();
        for (ArtifactRef ref : published) {
            if (ref.key().equals(StoreLayout.releasePrefix(version) + ReleaseMetadata.CHECKSUMS)) {
                objects.put(ReleaseMetadata.CHECKSUMS, ref.sha256());
            } else if (ref.key().equals(StoreLayout.publishedMarker(version))) {
                objects.put(StoreLayout.PUBLISHED, ref.sha256());
            }
        }
        new ReleaseLedger(store)
                .append(
                        new ReleaseLedger.Event(
                                LedgerEntry.PUBLISHED,
                                version,
                                request.plan().runId(),
                                approvers(request),
                                objects,
                                latest.read().map(LatestPointer.Latest::version).orElse(null)),
                        signingKey,
                        now);
    }

    /** Who approved the publication, as the ledger names them. */
    private static String approvers(PublishRequest request) {
        List<String> names = request.approvals().stream()
                .filter(r -> r.kind() == DecisionKind.APPROVED)
                .map(ApprovalRecord::approver)
                .toList();
        if (names.isEmpty() && request.approval() != null)
            return request.approval().approver();
        return String.join(", ", names);
    }
}
