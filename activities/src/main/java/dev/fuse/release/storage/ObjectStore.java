package dev.fuse.release.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The few bucket operations the pipeline needs, so that everything above them runs against S3 in
 * production and against {@link InMemoryObjectStore} in unit tests. Implementations keep the
 * object's SHA-256 as metadata, because S3-compatible stores do not all keep checksums.
 */
public interface ObjectStore extends AutoCloseable {
    String bucket();

    /** Where the store is, for messages ("http://127.0.0.1:9000, bucket b"). */
    String describe();

    /** Fails with a specific {@link StoreException} when the store is unreachable, refuses us, or lacks the bucket. */
    void checkAccess();

    /** Creates the bucket unless it exists (embedded stack and tests). */
    void ensureBucket();

    /**
     * Writes an object whose digest the caller computed. A failed precondition is a
     * {@link StoreException} of kind {@link StoreException.Kind#CONFLICT}.
     */
    void put(String key, Body body, String sha256, String contentType, Precondition precondition);

    Optional<ObjectInfo> head(String key);

    /** The object's bytes; {@link StoreException.Kind#NOT_FOUND} when it does not exist. */
    InputStream open(String key);

    /** All keys under a prefix, in byte order. */
    List<String> listKeys(String prefix);

    /** Immediate "folders" under a prefix, e.g. the versions under {@code releases/}. */
    List<String> listFolders(String prefix);

    @Override
    void close();

    /** The bytes of an upload: in memory or in a file. */
    record Body(byte[] bytes, Path file, long size) {
        public static Body of(byte[] bytes) {
            return new Body(bytes, null, bytes.length);
        }

        public static Body of(Path file, long size) {
            return new Body(null, file, size);
        }
    }

    /** When a write may happen: always, only if the key is absent, or only if it still has an ETag. */
    record Precondition(boolean absent, String etag) {
        public static final Precondition NONE = new Precondition(false, null);
        public static final Precondition ABSENT = new Precondition(true, null);

        public static Precondition unchanged(String etag) {
            return etag == null ? ABSENT : new Precondition(false, etag);
        }
    }
}
