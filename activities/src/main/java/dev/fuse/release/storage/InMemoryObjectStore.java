package dev.fuse.release.storage;

import dev.fuse.release.support.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A bucket in memory with S3's semantics for what the pipeline uses (conditional writes, ETags,
 * byte-ordered listing), for unit tests of the code above the store. {@link #failWritesWhen}
 * makes chosen writes fail as an unreachable endpoint would.
 */
public final class InMemoryObjectStore implements ObjectStore {
    private record Stored(byte[] bytes, String sha256, String etag) {}

    private final String bucket;
    private final TreeMap<String, Stored> objects = new TreeMap<>();
    private final List<String> writes = new ArrayList<>();
    private Predicate<String> failingWrites = key -> false;
    private long etags;

    public InMemoryObjectStore(String bucket) {
        this.bucket = bucket;
    }

    /** Every later write to a key matching {@code failing} fails with {@code UNREACHABLE}. */
    public synchronized void failWritesWhen(Predicate<String> failing) {
        this.failingWrites = failing;
    }

    /** Keys written so far, in write order (including rewrites). */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    /** Replaces an object's bytes behind the pipeline's back, keeping its recorded digest (tampering). */
    public synchronized void tamper(String key, byte[] bytes) {
        Stored old = objects.get(key);
        objects.put(key, new Stored(bytes.clone(), old == null ? null : old.sha256(), "tampered-" + (++etags)));
    }

    /** Deletes an object behind the pipeline's back (an operator's mistake, or an attacker). */
    public synchronized void remove(String key) {
        objects.remove(key);
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public String describe() {
        return "memory, bucket " + bucket;
    }

    @Override
    public void checkAccess() {}

    @Override
    public void ensureBucket() {}

    @Override
    public synchronized void put(String key, Body body, String sha256, String contentType, Precondition precondition) {
        if (failingWrites.test(key)) {
            throw new StoreException(
                    StoreException.Kind.UNREACHABLE, "cannot write " + key + ": store unreachable (injected)", null);
        }
        Stored existing = objects.get(key);
        if (precondition.absent() && existing != null
                || precondition.etag() != null
                        && (existing == null || !existing.etag().equals(precondition.etag()))) {
            throw new StoreException(
                    StoreException.Kind.CONFLICT, "cannot write " + key + ": precondition failed", null);
        }
        byte[] bytes = read(body);
        if (!Sha256.of(bytes).equals(sha256)) {
            throw new StoreException(StoreException.Kind.DIGEST_MISMATCH, "cannot write " + key + ": bad digest", null);
        }
        objects.put(key, new Stored(bytes, sha256, "etag-" + (++etags)));
        writes.add(key);
    }

    private static byte[] read(Body body) {
        if (body.bytes() != null) return body.bytes().clone();
        try {
            return Files.readAllBytes(body.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Optional<ObjectInfo> head(String key) {
        Stored s = objects.get(key);
        return s == null ? Optional.empty() : Optional.of(new ObjectInfo(key, s.bytes().length, s.sha256(), s.etag()));
    }

    @Override
    public synchronized InputStream open(String key) {
        Stored s = objects.get(key);
        if (s == null) {
            throw new StoreException(
                    StoreException.Kind.NOT_FOUND, "s3://" + bucket + "/" + key + " does not exist", null);
        }
        return new ByteArrayInputStream(s.bytes());
    }

    @Override
    public synchronized List<String> listKeys(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public synchronized List<String> listFolders(String prefix) {
        TreeSet<String> folders = new TreeSet<>();
        for (String key : listKeys(prefix)) {
            int slash = key.indexOf('/', prefix.length());
            if (slash >= 0) folders.add(key.substring(0, slash + 1));
        }
        return List.copyOf(folders);
    }

    /** A snapshot of every object's bytes, for assertions. */
    public synchronized Map<String, byte[]> snapshot() {
        Map<String, byte[]> copy = new TreeMap<>();
        objects.forEach((k, v) -> copy.put(k, v.bytes().clone()));
        return copy;
    }

    @Override
    public void close() {}
}
