package dev.fuse.release.contract.model;

/**
 * Outcome of one recipe command. The full log lives in the store ({@code log}); the history only
 * carries its last lines ({@code tail}).
 */
public record StepResult(String name, int exitCode, long durationMillis, ArtifactRef log, String tail) {}
