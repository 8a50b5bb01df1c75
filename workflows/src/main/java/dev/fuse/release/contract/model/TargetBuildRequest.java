package dev.fuse.release.contract.model;

import java.util.Objects;

/**
 * Input of one target pipeline: the frozen plan, the target it builds, and the release's heartbeat
 * timeout.
 */
public record TargetBuildRequest(ReleasePlan plan, Target target, long heartbeatTimeoutSeconds) {
    public TargetBuildRequest {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(target, "target");
    }

    public TargetBuildRequest(ReleasePlan plan, Target target) {
        this(plan, target, ReleaseRequest.DEFAULT_HEARTBEAT_TIMEOUT_SECONDS);
    }
}
