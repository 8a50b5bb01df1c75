package dev.fuse.release.adapter;

import dev.fuse.release.activity.ReproducibilityActivities;
import dev.fuse.release.build.ReproducibilityChecker;
import dev.fuse.release.model.ReproducibilityRequest;
import dev.fuse.release.model.ReproducibilityResult;

public class ReproducibilityActivitiesImpl implements ReproducibilityActivities {
    private final ReproducibilityChecker checker;

    public ReproducibilityActivitiesImpl(ReproducibilityChecker checker) {
        this.checker = checker;
    }

    @Override
    public ReproducibilityResult check(ReproducibilityRequest request) {
        return ActivityFailures.run(() -> checker.check(request, Heartbeats.current()));
    }
}
