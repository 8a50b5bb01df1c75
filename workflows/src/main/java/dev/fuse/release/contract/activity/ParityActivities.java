package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.ParityRequest;
import dev.fuse.release.contract.model.ParityResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Runs the recipe's parity suite (AOT vs JIT-native) and reads its JUnit XML report. */
@ActivityInterface
public interface ParityActivities {
    @ActivityMethod(name = "RunParity")
    ParityResult run(ParityRequest request);
}
