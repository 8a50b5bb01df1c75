package dev.fuse.release.contract.model;

/** Measure one target from its staged AOT archive and its checkout (for the JIT baseline). */
public record MeasureRequest(ReleasePlan plan, Target target, Artifact aot, long buildMillis) {}
