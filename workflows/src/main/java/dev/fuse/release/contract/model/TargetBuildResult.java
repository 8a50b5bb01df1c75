package dev.fuse.release.contract.model;

import java.util.List;

/**
 * What the build stage staged for one target, with the evidence of how it was made.
 *
 * @param builtBy the worker that built it ({@code <host>/<worker folder>}), so that the
 *     reproducibility rebuild can go to another one; null from workers that predate it
 */
public record TargetBuildResult(
        Target target,
        BuildHost host,
        List<StepResult> steps,
        List<Artifact> artifacts,
        long buildMillis,
        String builtBy) {
    public TargetBuildResult {
        steps = List.copyOf(steps);
        artifacts = List.copyOf(artifacts);
    }

    public TargetBuildResult(
            Target target, BuildHost host, List<StepResult> steps, List<Artifact> artifacts, long buildMillis) {
        this(target, host, steps, artifacts, buildMillis, null);
    }

    public TargetBuildResult withBuiltBy(String worker) {
        return new TargetBuildResult(target, host, steps, artifacts, buildMillis, worker);
    }
}
