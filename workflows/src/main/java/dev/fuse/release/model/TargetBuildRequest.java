package dev.fuse.release.model;

import java.util.Objects;

/** Input of one target pipeline: the frozen plan and the target it builds. */
public record TargetBuildRequest(ReleasePlan plan, Target target) {
    public TargetBuildRequest {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(target, "target");
    }
}
