package dev.fuse.release.contract.model;

/**
 * One attempt to deliver a notification to one endpoint, named by its position in the worker's
 * {@code FUSE_RELEASE_NOTIFY} list (the workflow never sees the address).
 */
public record Delivery(int endpoint, int attempt, Notification notification) {}
