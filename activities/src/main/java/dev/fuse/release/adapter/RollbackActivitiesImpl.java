package dev.fuse.release.adapter;

import dev.fuse.release.activity.RollbackActivities;
import dev.fuse.release.model.RollbackRequest;
import dev.fuse.release.model.RollbackResult;
import dev.fuse.release.publish.Rollback;

public class RollbackActivitiesImpl implements RollbackActivities {
    private final Rollback rollback;

    public RollbackActivitiesImpl(Rollback rollback) {
        this.rollback = rollback;
    }

    @Override
    public RollbackResult rollback(RollbackRequest request) {
        return ActivityFailures.run(() -> rollback.rollback(request));
    }
}
