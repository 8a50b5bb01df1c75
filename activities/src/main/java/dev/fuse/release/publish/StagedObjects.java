package dev.fuse.release.publish;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.packaging.ArchiveVerifier;
import dev.fuse.release.packaging.ArtifactPackager;
import dev.fuse.release.packaging.BadArchiveException;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.ObjectInfo;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Brings staged objects into a local scratch folder, each checked against the digest the workflow
 * recorded when it was staged, so a staged object changed behind the release is caught before
 * anything is published.
 */
final class StagedObjects {
    private final ArtifactStore store;
    private final Path scratch;
    private int count;

    StagedObjects(ArtifactStore store, Path scratch) {
        this.store = store;
        this.scratch = scratch;
    }

    /** A staged archive, verified again exactly as it was before staging. */
    PublicObject fetchArchive(Artifact artifact, String key) throws IOException {
        PublicObject object = fetch(artifact.ref(), key);
        try {
            ArchiveVerifier.verify(
                    object.local(),
                    artifact.format().container(),
                    ArtifactPackager.rootOf(artifact.name(), artifact.format()),
                    artifact.members(),
                    artifact.executable());
        } catch (BadArchiveException e) {
            throw new PipelineException(FailureType.BAD_ARCHIVE, "refusing to publish: " + e.getMessage(), e);
        }
        return object;
    }

    PublicObject fetch(ArtifactRef staged, String key) throws IOException {
        Path local = next();
        try {
            store.download(staged, local);
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.DIGEST_MISMATCH) {
                throw new PipelineException(
                        FailureType.DIGEST_MISMATCH,
                        "refusing to publish: the staged object changed after it was staged: " + e.getMessage(),
                        e);
            }
            throw e;
        }
        return new PublicObject(key, local, staged.sha256(), staged.size());
    }

    PublicObject generated(String key, byte[] bytes) throws IOException {
        Path local = next();
        Files.write(local, bytes);
        return new PublicObject(key, local, Sha256.of(bytes), bytes.length);
    }

    /** The staged object's reference, as recorded when it was written (its digest metadata). */
    Optional<ArtifactRef> ref(String key) {
        Optional<ObjectInfo> info = store.head(key);
        return info.filter(i -> i.sha256() != null)
                .map(i -> new ArtifactRef(store.bucket(), key, i.sha256(), i.size()));
    }

    static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private Path next() {
        return scratch.resolve("object-" + (++count));
    }
}
