package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.PlanRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Resolves a request into a frozen plan. Runs on the orchestrator queue. */
@ActivityInterface
public interface PlanActivities {
    /**
     * Checks out the revision, validates the recipe, reads SOURCE_DATE_EPOCH and refuses a version
     * that is already published.
     */
    @ActivityMethod(name = "Plan")
    ReleasePlan plan(PlanRequest input);
}
