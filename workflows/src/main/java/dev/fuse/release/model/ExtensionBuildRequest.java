package dev.fuse.release.model;

/** Input of the target-independent VS Code extension packaging. */
public record ExtensionBuildRequest(ReleasePlan plan) {}
