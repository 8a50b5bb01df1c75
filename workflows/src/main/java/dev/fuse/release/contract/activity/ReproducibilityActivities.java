package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.ReproducibilityRequest;
import dev.fuse.release.contract.model.ReproducibilityResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Builds a target a second time in a separate clean workspace, on the target's own workers, and
 * compares archive digests with the staged ones. Never compares across unlike targets.
 */
@ActivityInterface
public interface ReproducibilityActivities {
    @ActivityMethod(name = "CheckReproducible")
    ReproducibilityResult check(ReproducibilityRequest request);
}
