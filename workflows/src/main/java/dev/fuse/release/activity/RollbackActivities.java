package dev.fuse.release.activity;

import dev.fuse.release.model.RollbackRequest;
import dev.fuse.release.model.RollbackResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes the yank marker and moves {@code releases/latest.json} back; idempotent for one request. */
@ActivityInterface
public interface RollbackActivities {
    @ActivityMethod(name = "Rollback")
    RollbackResult rollback(RollbackRequest request);
}
