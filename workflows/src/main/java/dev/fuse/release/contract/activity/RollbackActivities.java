package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes the yank marker and moves {@code releases/latest.json} back; idempotent for one request. */
@ActivityInterface
public interface RollbackActivities {
    @ActivityMethod(name = "Rollback")
    RollbackResult rollback(RollbackRequest request);
}
