package dev.fuse.release.contract;

import dev.fuse.release.contract.model.Target;

/** Task queue names: wire contracts between workflows and the workers that serve them. */
public final class TaskQueues {
    /** Release and target-pipeline workflows, planning, metadata and publishing. */
    public static final String ORCHESTRATOR = "fuse-release";

    /**
     * Publishing and rollback: the only work that signs, served only by workers that hold the
     * release key, so that the workers that plan and build never need it.
     */
    public static final String SIGNER = "fuse-release-signer";

    private TaskQueues() {}

    /** The queue a target's native workers serve, e.g. {@code fuse-release-macos-arm64}. */
    public static String forTarget(Target target) {
        return forPlatform(target.platform());
    }

    /**
     * One worker's own queue, {@code fuse-release-<platform>@<worker>}: only that worker polls it,
     * so a task sent there runs on that worker (the independent reproducibility rebuild).
     */
    public static String forWorker(String platform, String worker) {
        return forPlatform(platform) + "@" + worker;
    }

    /** The queue of a platform's workers: {@code fuse-release-<platform>}. */
    public static String forPlatform(String platform) {
        return ORCHESTRATOR + "-" + platform;
    }
}
