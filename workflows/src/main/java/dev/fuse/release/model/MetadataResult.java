package dev.fuse.release.model;

/** The staged metadata files. The manifest digest is what an approval is bound to. */
public record MetadataResult(ArtifactRef manifest, ArtifactRef checksums) {}
