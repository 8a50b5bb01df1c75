package dev.fuse.release.storage;

import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The bucket as the pipeline sees it: digest-carrying writes that return {@link ArtifactRef}s,
 * write-once puts that are idempotent for identical bytes, compare-and-swap updates, and
 * downloads checked against their reference. The protocol lives behind {@link ObjectStore}.
 */
public final class ArtifactStore implements AutoCloseable {
    private final ObjectStore objects;
    private final int parallelUploads;

    public ArtifactStore(ObjectStore objects) {
        this(objects, UploadTuning.DEFAULTS.parallelUploads());
    }

    public ArtifactStore(ObjectStore objects, int parallelUploads) {
        this.objects = objects;
        this.parallelUploads = parallelUploads;
    }

    /** The production store: S3 (or MinIO, S3Proxy) as configured. */
    public ArtifactStore(StoreConfig config) {
        this(new S3ObjectStore(config), config.uploads().parallelUploads());
    }

    /** Starts uploading {@code files}, as many at once as configured ({@code FUSE_RELEASE_PARALLEL_UPLOADS}). */
    public Uploads startUploads(List<Uploads.File> files) {
        return new Uploads(this, files, parallelUploads);
    }

    public String bucket() {
        return objects.bucket();
    }

    public String describe() {
        return objects.describe();
    }

    public void checkAccess() {
        objects.checkAccess();
    }

    public void ensureBucket() {
        objects.ensureBucket();
    }

    public ArtifactRef putFile(String key, Path file) throws IOException {
        return putFile(key, file, null);
    }

    /**
     * Uploads a file whose digest was taken while it was written (null: read it for the digest),
     * saving a read of the whole file. The store still checks the bytes it receives against it.
     */
    public ArtifactRef putFile(String key, Path file, String knownSha256) throws IOException {
        return upload(new Uploads.File(key, file, knownSha256, false));
    }

    /**
     * Write-once upload ({@code If-None-Match: *}). If the key already holds the same bytes the
     * call succeeds, which makes retries idempotent; different bytes are a conflict.
     */
    public ArtifactRef putFileIfAbsent(String key, Path file) throws IOException {
        return upload(new Uploads.File(key, file, null, true));
    }

    /** One upload as {@link Uploads} describes it, made in the calling thread. */
    public ArtifactRef upload(Uploads.File file) throws IOException {
        String sha256 = file.knownSha256() != null ? file.knownSha256() : Sha256.of(file.path());
        return put(
                file.key(),
                ObjectStore.Body.of(file.path(), Files.size(file.path())),
                sha256,
                contentTypeOf(file.key()),
                file.writeOnce() ? ObjectStore.Precondition.ABSENT : ObjectStore.Precondition.NONE);
    }

    public ArtifactRef putBytes(String key, byte[] bytes, String contentType) {
        return put(key, ObjectStore.Body.of(bytes), Sha256.of(bytes), contentType, ObjectStore.Precondition.NONE);
    }

    public ArtifactRef putBytesIfAbsent(String key, byte[] bytes, String contentType) {
        return put(key, ObjectStore.Body.of(bytes), Sha256.of(bytes), contentType, ObjectStore.Precondition.ABSENT);
    }

    /** Replaces an object only if it still has {@code etag} (or does not exist when null). */
    public void putBytesIfUnchanged(String key, byte[] bytes, String contentType, String etag) {
        objects.put(
                key,
                ObjectStore.Body.of(bytes),
                Sha256.of(bytes),
                contentType,
                ObjectStore.Precondition.unchanged(etag));
    }

    private ArtifactRef put(
            String key, ObjectStore.Body body, String sha, String contentType, ObjectStore.Precondition pre) {
        try {
            objects.put(key, body, sha, contentType, pre);
        } catch (StoreException e) {
            if (!pre.absent() || e.kind() != StoreException.Kind.CONFLICT) throw e;
            return sameOrConflict(key, sha, body.size());
        }
        return new ArtifactRef(bucket(), key, sha, body.size());
    }

    /** A write-once key that already exists: the same bytes are success (a retry), others a conflict. */
    private ArtifactRef sameOrConflict(String key, String sha, long size) {
        Optional<ObjectInfo> existing = head(key);
        if (existing.isPresent()
                && sha.equals(existing.get().sha256())
                && existing.get().size() == size) {
            return new ArtifactRef(bucket(), key, sha, size);
        }
        throw conflict(key, sha, existing);
    }

    /** The error for a write-once key that holds other bytes than {@code sha}. */
    public StoreException conflict(String key, String sha, Optional<ObjectInfo> existing) {
        return new StoreException(
                StoreException.Kind.CONFLICT,
                "s3://" + bucket() + "/" + key + " already exists with other content (sha256 "
                        + existing.map(ObjectInfo::sha256).orElse("unknown") + ", this release has " + sha
                        + "); published objects are never overwritten",
                null);
    }

    public Optional<ObjectInfo> head(String key) {
        return objects.head(key);
    }

    public boolean exists(String key) {
        return head(key).isPresent();
    }

    /** Downloads an object and checks it against the reference's digest and size. */
    public void download(ArtifactRef ref, Path dest) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        long size;
        try (InputStream in = new DigestInputStream(objects.open(ref.key()), digest);
                OutputStream out = Files.newOutputStream(dest)) {
            size = in.transferTo(out);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(ref.sha256()) || size != ref.size()) {
            throw new StoreException(
                    StoreException.Kind.DIGEST_MISMATCH,
                    "s3://" + bucket() + "/" + ref.key() + " holds sha256 " + actual + " (" + size
                            + " bytes), expected " + ref.sha256() + " (" + ref.size() + " bytes)",
                    null);
        }
    }

    /** The object's bytes as a stream, for reading large objects without holding them. */
    public InputStream open(String key) {
        return objects.open(key);
    }

    public byte[] getBytes(String key) {
        try (InputStream in = objects.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    /** All keys under a prefix, in the store's (byte) order. */
    public List<String> listKeys(String prefix) {
        return objects.listKeys(prefix);
    }

    /** Immediate "folders" under a prefix, e.g. the versions under {@code releases/}. */
    public List<String> listFolders(String prefix) {
        return objects.listFolders(prefix);
    }

    private static String contentTypeOf(String key) {
        if (key.endsWith(".json")) return "application/json";
        if (key.endsWith(".log") || key.endsWith("SHA256SUMS")) return "text/plain; charset=utf-8";
        if (key.endsWith(".html")) return "text/html; charset=utf-8";
        if (key.endsWith(".tar.gz")) return "application/gzip";
        if (key.endsWith(".zip") || key.endsWith(".vsix")) return "application/zip";
        return "application/octet-stream";
    }

    @Override
    public void close() {
        objects.close();
    }
}
