package dev.fuse.release.adapter;

import dev.fuse.release.contract.activity.ParityActivities;
import dev.fuse.release.contract.model.ParityRequest;
import dev.fuse.release.contract.model.ParityResult;
import dev.fuse.release.parity.ParityRunner;

public class ParityActivitiesImpl implements ParityActivities {
    private final ParityRunner runner;

    public ParityActivitiesImpl(ParityRunner runner) {
        this.runner = runner;
    }

    @Override
    public ParityResult run(ParityRequest request) {
        return ActivityFailures.run(() -> runner.run(request, Heartbeats.current()));
    }
}
