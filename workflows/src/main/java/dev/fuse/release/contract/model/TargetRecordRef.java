package dev.fuse.release.contract.model;

import java.util.Objects;

/**
 * Where one target's pipeline result is kept in staging, and its digest. A release passes these
 * to metadata, SLO reports and publishing instead of every artifact and evidence file of every
 * target, so that its activity inputs stay the same size however wide the matrix is; the reader
 * refuses a record whose bytes no longer match the digest.
 *
 * @param size bytes of the record
 */
public record TargetRecordRef(Target target, String sha256, long size) {
    public TargetRecordRef {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The record's key: {@code <staging prefix>targets/<target>.json}. */
    public static String key(String stagingPrefix, Target target) {
        return stagingPrefix + "targets/" + target.id() + ".json";
    }
}
