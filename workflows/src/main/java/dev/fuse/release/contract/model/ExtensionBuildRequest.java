package dev.fuse.release.contract.model;

/** Input of the target-independent VS Code extension packaging. */
public record ExtensionBuildRequest(ReleasePlan plan) {}
