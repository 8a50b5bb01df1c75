package dev.fuse.release.adapter;

import dev.fuse.release.build.TargetBuilder;
import dev.fuse.release.contract.activity.BuildActivities;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ExtensionBuildRequest;
import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.TargetBuildResult;

/**
 * Idempotent by construction: each attempt builds in a fresh workspace and overwrites only its
 * own run's staging keys, so a retried build replaces a half-finished one.
 */
public class BuildActivitiesImpl implements BuildActivities {
    private final TargetBuilder builder;
    private final String worker;

    /** @param worker this worker's name, recorded as the builder (see {@code WorkerRegistry}) */
    public BuildActivitiesImpl(TargetBuilder builder, String worker) {
        this.builder = builder;
        this.worker = worker;
    }

    @Override
    public TargetBuildResult buildTarget(TargetBuildRequest request) {
        return ActivityFailures.run(
                () -> builder.build(request, Heartbeats.current()).withBuiltBy(worker));
    }

    @Override
    public Artifact buildExtension(ExtensionBuildRequest request) {
        return ActivityFailures.run(() -> builder.buildExtension(request.plan(), Heartbeats.current()));
    }
}
