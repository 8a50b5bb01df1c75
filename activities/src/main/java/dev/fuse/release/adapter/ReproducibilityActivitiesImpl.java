package dev.fuse.release.adapter;

import dev.fuse.release.build.ReproducibilityChecker;
import dev.fuse.release.contract.activity.ReproducibilityActivities;
import dev.fuse.release.contract.model.ReproducibilityRequest;
import dev.fuse.release.contract.model.ReproducibilityResult;

public class ReproducibilityActivitiesImpl implements ReproducibilityActivities {
    private final ReproducibilityChecker checker;
    private final String worker;

    /** @param worker this worker's name, recorded as the rebuilder */
    public ReproducibilityActivitiesImpl(ReproducibilityChecker checker, String worker) {
        this.checker = checker;
        this.worker = worker;
    }

    @Override
    public ReproducibilityResult check(ReproducibilityRequest request) {
        return ActivityFailures.run(
                () -> checker.check(request, Heartbeats.current()).withRebuiltBy(worker));
    }
}
