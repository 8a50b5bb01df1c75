package dev.fuse.release.contract.model;

/**
 * The staged metadata files. The manifest digest is what an approval is bound to; the provenance
 * statement (in-toto, SLSA v1) varies per run and is published beside the release.
 */
public record MetadataResult(ArtifactRef manifest, ArtifactRef checksums, ArtifactRef provenance) {}
