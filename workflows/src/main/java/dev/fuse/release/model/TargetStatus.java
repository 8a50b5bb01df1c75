package dev.fuse.release.model;

/** Per-target line of the release status. {@code detail} is the last failure or note. */
public record TargetStatus(Target target, Stage stage, boolean emulated, String hostClass, String detail) {}
