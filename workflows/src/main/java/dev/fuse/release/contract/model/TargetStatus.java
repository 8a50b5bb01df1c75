package dev.fuse.release.contract.model;

/**
 * Per-target line of the release status. {@code detail} is the last failure or note.
 *
 * @param attempt which run of the target's pipeline this is (1, then one more per operator retry)
 * @param failedIn the stage the pipeline was in when it failed, or null
 */
public record TargetStatus(
        Target target, Stage stage, boolean emulated, String hostClass, String detail, int attempt, Stage failedIn) {

    public TargetStatus(Target target, Stage stage, boolean emulated, String hostClass, String detail) {
        this(target, stage, emulated, hostClass, detail, 1, null);
    }

    /**
     * The line after a pipeline reported {@code progress}; host and emulation stay as last known,
     * and a failure remembers the stage it happened in (the one reported last before FAILED).
     */
    public static TargetStatus after(TargetStatus old, TargetProgress progress) {
        String host = progress.hostClass() != null ? progress.hostClass() : old == null ? null : old.hostClass();
        boolean emulated = progress.hostClass() != null ? progress.emulated() : old != null && old.emulated();
        int attempt = old == null ? 1 : old.attempt();
        Stage failedIn = progress.stage() == Stage.FAILED && old != null ? old.stage() : null;
        return new TargetStatus(
                progress.target(), progress.stage(), emulated, host, progress.detail(), attempt, failedIn);
    }
}
