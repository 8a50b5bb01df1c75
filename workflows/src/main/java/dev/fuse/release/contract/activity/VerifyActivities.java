package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.VerifyRequest;
import dev.fuse.release.contract.model.VerifyResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Checks staged artifacts as the store holds them: digest, size and archive integrity. */
@ActivityInterface
public interface VerifyActivities {
    @ActivityMethod(name = "VerifyStaged")
    VerifyResult verifyStaged(VerifyRequest request);
}
