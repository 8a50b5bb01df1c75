package dev.fuse.release.model;

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
}
