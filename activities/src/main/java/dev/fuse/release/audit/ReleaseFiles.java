package dev.fuse.release.audit;

import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The files of one published release, wherever they are: the bucket, or a folder a user downloaded. */
public interface ReleaseFiles {
    /** A small file's bytes (signatures, manifests, records), or empty when it is absent. */
    Optional<byte[]> bytes(String name) throws IOException;

    /** A file's sha256, streamed (artifacts may be large), or empty when it is absent. */
    Optional<String> sha256(String name) throws IOException;

    /** True when the files come from the bucket, where every record of the release must exist. */
    boolean complete();

    /** Every file's name relative to the release, when they can be listed (the bucket); else empty. */
    default List<String> names() {
        return List.of();
    }

    static ReleaseFiles inBucket(ArtifactStore store, String version) {
        String prefix = StoreLayout.releasePrefix(version);
        return new ReleaseFiles() {
            @Override
            public Optional<byte[]> bytes(String name) {
                return store.exists(prefix + name) ? Optional.of(store.getBytes(prefix + name)) : Optional.empty();
            }

            @Override
            public Optional<String> sha256(String name) throws IOException {
                if (!store.exists(prefix + name)) return Optional.empty();
                try (InputStream in = store.open(prefix + name)) {
                    return Optional.of(Sha256.of(in));
                }
            }

            @Override
            public boolean complete() {
                return true;
            }

            @Override
            public List<String> names() {
                return store.listKeys(prefix).stream()
                        .map(key -> key.substring(prefix.length()))
                        .toList();
            }
        };
    }

    static ReleaseFiles inDirectory(Path dir) {
        return new ReleaseFiles() {
            @Override
            public Optional<byte[]> bytes(String name) throws IOException {
                Path file = dir.resolve(name);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }

            @Override
            public Optional<String> sha256(String name) throws IOException {
                Path file = dir.resolve(name);
                return Files.isRegularFile(file) ? Optional.of(Sha256.of(file)) : Optional.empty();
            }

            @Override
            public boolean complete() {
                return false;
            }
        };
    }
}
