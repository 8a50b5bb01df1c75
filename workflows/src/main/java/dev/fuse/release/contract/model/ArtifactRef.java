package dev.fuse.release.contract.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an object lives in the store and what its bytes are. Workflows pass these around,
 * never the bytes themselves.
 */
public record ArtifactRef(String bucket, String key, String sha256, long size) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ArtifactRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
        if (bucket.isBlank() || key.isBlank()) {
            throw new IllegalArgumentException("bucket and key must not be blank");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    public ArtifactRef withKey(String newKey) {
        return new ArtifactRef(bucket, newKey, sha256, size);
    }
}
