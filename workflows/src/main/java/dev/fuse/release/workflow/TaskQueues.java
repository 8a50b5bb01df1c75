package dev.fuse.release.workflow;

import dev.fuse.release.model.Target;

/** Task queue names: wire contracts between workflows and the workers that serve them. */
public final class TaskQueues {
    /** Release and target-pipeline workflows, planning, metadata and publishing. */
    public static final String ORCHESTRATOR = "fuse-release";

    private TaskQueues() {}

    /** The queue a target's native workers serve, e.g. {@code fuse-release-macos-arm64}. */
    public static String forTarget(Target target) {
        return ORCHESTRATOR + "-" + target.id();
    }
}
