package dev.fuse.release.contract.model;

/**
 * One row of the gate table: a metric of a target, its value, the threshold, the margin
 * (positive means room to spare) and the verdict.
 */
public record GateResult(Target target, String gate, String value, String threshold, String margin, boolean pass) {}
