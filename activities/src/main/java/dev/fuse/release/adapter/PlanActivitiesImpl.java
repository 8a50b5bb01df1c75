package dev.fuse.release.adapter;

import dev.fuse.release.contract.activity.PlanActivities;
import dev.fuse.release.contract.model.PlanRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.plan.Planner;

public class PlanActivitiesImpl implements PlanActivities {
    private final Planner planner;

    public PlanActivitiesImpl(Planner planner) {
        this.planner = planner;
    }

    @Override
    public ReleasePlan plan(PlanRequest input) {
        return ActivityFailures.run(() -> planner.plan(input.request(), input.workflowId(), input.runId()));
    }
}
