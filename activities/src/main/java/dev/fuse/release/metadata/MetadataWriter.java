package dev.fuse.release.metadata;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.MetadataRequest;
import dev.fuse.release.contract.model.MetadataResult;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.support.Failpoints;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a release's metadata and evidence to the run's staging prefix (overwritable by the same
 * run, so a retried activity simply writes the same bytes again).
 */
public final class MetadataWriter {
    private final ArtifactStore store;

    public MetadataWriter(ArtifactStore store) {
        this.store = store;
    }

    /**
     * The contract and the notes, published beside the artifacts and as deterministic as they are,
     * at the digests planning staged them with (a plan made by hand may name none: then as staged).
     */
    private Map<String, String> documents(MetadataRequest request) {
        Map<String, String> documents = new TreeMap<>();
        for (ArtifactRef staged : request.plan().documents()) {
            documents.put(staged.key().substring(staged.key().lastIndexOf('/') + 1), staged.sha256());
        }
        if (!documents.isEmpty()) return documents;
        String prefix = request.plan().stagingPrefix();
        for (String name : ReleaseDocuments.NAMES) {
            store.head(prefix + name).filter(i -> i.sha256() != null).ifPresent(i -> documents.put(name, i.sha256()));
        }
        return documents;
    }

    /** SHA256SUMS and release-artifacts.json (deterministic), then the run's provenance statement. */
    public MetadataResult generate(MetadataRequest request, Runnable heartbeat) {
        List<String> badNames = ArtifactNames.violations(request.plan().version(), request.artifacts());
        if (!badNames.isEmpty()) {
            throw new PipelineException(FailureType.BAD_ARCHIVE, ArtifactNames.summary(badNames));
        }
        String prefix = request.plan().stagingPrefix();
        byte[] manifest = ReleaseMetadata.manifest(request.plan(), request.artifacts());
        ArtifactRef manifestRef = store.putBytes(prefix + ReleaseMetadata.MANIFEST, manifest, "application/json");
        heartbeat.run();
        Failpoints.reach("metadata.after-manifest", heartbeat);
        byte[] sums = ReleaseMetadata.checksums(request.artifacts(), manifestRef.sha256(), documents(request));
        ArtifactRef sumsRef = store.putBytes(prefix + ReleaseMetadata.CHECKSUMS, sums, "text/plain; charset=utf-8");
        heartbeat.run();
        byte[] provenance = Provenance.statement(request, sums, store.bucket(), System.currentTimeMillis());
        ArtifactRef provenanceRef = store.putBytes(prefix + Provenance.FILE_NAME, provenance, "application/json");
        return new MetadataResult(manifestRef, sumsRef, provenanceRef);
    }
}
