package dev.fuse.release.model;

/** A file of a run's evidence (a build log, a diff report) named in the provenance statement. */
public record Evidence(String name, ArtifactRef ref) {}
