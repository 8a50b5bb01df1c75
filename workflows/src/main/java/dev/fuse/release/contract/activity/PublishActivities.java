package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.contract.model.PublishResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Copies staging to the write-once {@code releases/<version>/} prefix, re-verifying every digest,
 * metadata last, then moves {@code releases/latest.json}.
 */
@ActivityInterface
public interface PublishActivities {
    @ActivityMethod(name = "Publish")
    PublishResult publish(PublishRequest request);
}
