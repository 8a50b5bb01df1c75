package dev.fuse.release.contract.model;

import java.util.List;

/** Rebuild a target independently and compare with what its first build staged. */
public record ReproducibilityRequest(ReleasePlan plan, Target target, List<Artifact> staged) {
    public ReproducibilityRequest {
        staged = List.copyOf(staged);
    }
}
