package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.RebuilderRequest;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Picks the worker a reproducibility rebuild goes to: another live worker of the same platform
 * than the one that built, when there is one, so that the second build is independent of the
 * first build's host.
 */
@ActivityInterface
public interface RoutingActivities {
    /** The chosen worker's own task queue, or null when no other worker is alive. */
    @ActivityMethod(name = "ChooseRebuilder")
    String chooseRebuilder(RebuilderRequest request);
}
