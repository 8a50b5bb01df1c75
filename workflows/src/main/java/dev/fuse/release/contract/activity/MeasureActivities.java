package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.MeasureRequest;
import dev.fuse.release.contract.model.MeasureResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Measures a target on its own workers: cold start AOT vs JIT-native on the same host, stripped
 * size, and build time history. One measurement at a time per host, never during a build.
 */
@ActivityInterface
public interface MeasureActivities {
    @ActivityMethod(name = "MeasureTarget")
    MeasureResult measure(MeasureRequest request);
}
