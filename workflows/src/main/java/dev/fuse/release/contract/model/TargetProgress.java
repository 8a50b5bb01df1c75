package dev.fuse.release.contract.model;

/** A target pipeline's report to its release: new stage, host class and an optional note. */
public record TargetProgress(Target target, Stage stage, String hostClass, boolean emulated, String detail) {}
