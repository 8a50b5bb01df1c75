package dev.fuse.release.model;

import java.util.Objects;

/**
 * Input of one target pipeline: the frozen plan, the target it builds, and the release's heartbeat
 * timeout (null in pipelines started before it was configurable: the default minute).
 */
public record TargetBuildRequest(ReleasePlan plan, Target target, Long heartbeatTimeoutSeconds) {
    public TargetBuildRequest {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(target, "target");
    }

    public TargetBuildRequest(ReleasePlan plan, Target target) {
        this(plan, target, null);
    }
}
