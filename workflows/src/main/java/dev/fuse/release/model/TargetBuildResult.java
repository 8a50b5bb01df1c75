package dev.fuse.release.model;

import java.util.List;

/** What the build stage staged for one target, with the evidence of how it was made. */
public record TargetBuildResult(
        Target target, BuildHost host, List<StepResult> steps, List<Artifact> artifacts, long buildMillis) {
    public TargetBuildResult {
        steps = List.copyOf(steps);
        artifacts = List.copyOf(artifacts);
    }
}
