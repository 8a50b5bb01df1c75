package dev.fuse.release.contract.model;

/** Gate evidence of one target; any part may be null when its stage did not produce it. */
public record TargetEvidence(Target target, MeasureResult measure, ParityResult parity, RuntimeChecks runtime) {}
