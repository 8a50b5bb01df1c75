package dev.fuse.release.storage;

/** Size, recorded digest and ETag of a stored object. */
public record ObjectInfo(String key, long size, String sha256, String etag) {}
