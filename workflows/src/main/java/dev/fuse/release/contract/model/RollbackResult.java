package dev.fuse.release.contract.model;

/** What a rollback did: the yanked version, where latest points now, and the yank marker. */
public record RollbackResult(String yanked, String latest, ArtifactRef marker) {}
