package dev.fuse.release.storage;

import java.util.List;
import java.util.Map;

/**
 * How uploads use the connection to the store. Files of {@code multipartThreshold} bytes or more
 * go up as multipart uploads of {@code partSize} parts, at most {@code parallelParts} parts in
 * flight per process (one bound for all uploads, like the AWS CLI's {@code
 * max_concurrent_requests}, so memory stays at parallelParts x partSize); an activity that stages
 * or publishes several files sends {@code parallelUploads} of them at once.
 */
public record UploadTuning(long multipartThreshold, long partSize, int parallelParts, int parallelUploads) {
    static final long MIB = 1024L * 1024L;
    /** S3's smallest part (all parts but the last). */
    static final long MIN_PART = 5 * MIB;
    /** S3's largest part. */
    static final long MAX_PART = 5 * 1024 * MIB;
    /** S3's largest part count. */
    static final int MAX_PARTS = 10_000;

    public static final UploadTuning DEFAULTS = new UploadTuning(64 * MIB, 16 * MIB, 4, 4);

    static final String THRESHOLD = "FUSE_RELEASE_S3_MULTIPART_THRESHOLD_MIB";
    static final String PART_SIZE = "FUSE_RELEASE_S3_PART_SIZE_MIB";
    static final String PARALLEL_PARTS = "FUSE_RELEASE_S3_PARALLEL_PARTS";
    static final String PARALLEL_UPLOADS = "FUSE_RELEASE_PARALLEL_UPLOADS";

    /** Reads the four variables; each problem is added to {@code errors} as one sentence. */
    static UploadTuning fromEnvironment(Map<String, String> env, List<String> errors) {
        long threshold = number(env, THRESHOLD, DEFAULTS.multipartThreshold / MIB, 5, 5 * 1024 * 1024, errors) * MIB;
        long part = number(env, PART_SIZE, DEFAULTS.partSize / MIB, 5, 5 * 1024, errors) * MIB;
        int parts = (int) number(env, PARALLEL_PARTS, DEFAULTS.parallelParts, 1, 64, errors);
        int uploads = (int) number(env, PARALLEL_UPLOADS, DEFAULTS.parallelUploads, 1, 64, errors);
        return new UploadTuning(threshold, part, parts, uploads);
    }

    /** The part size for a file: the configured one, raised when the file would need more than 10,000 parts. */
    long partSizeFor(long size) {
        long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
        long rounded = (needed + MIB - 1) / MIB * MIB;
        return Math.min(MAX_PART, Math.max(partSize, rounded));
    }

    private static long number(
            Map<String, String> env, String name, long fallback, long min, long max, List<String> errors) {
        String text = env.get(name);
        if (text == null || text.isBlank()) return fallback;
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        errors.add(name + " '" + text + "' must be a whole number from " + min + " to " + max);
        return fallback;
    }
}
