package dev.fuse.release.contract.model;

/** Run the recipe's parity suite: the staged AOT binary against the JIT-native baseline. */
public record ParityRequest(ReleasePlan plan, Target target, Artifact aot) {}
