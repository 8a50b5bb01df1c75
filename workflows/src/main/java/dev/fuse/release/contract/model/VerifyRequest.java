package dev.fuse.release.contract.model;

import java.util.List;

/** Staged artifacts to check again, as the store holds them, before they may be published. */
public record VerifyRequest(String version, List<Artifact> artifacts) {
    public VerifyRequest {
        artifacts = List.copyOf(artifacts);
    }
}
