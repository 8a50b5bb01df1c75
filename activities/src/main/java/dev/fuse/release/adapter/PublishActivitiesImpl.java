package dev.fuse.release.adapter;

import dev.fuse.release.activity.PublishActivities;
import dev.fuse.release.model.PublishRequest;
import dev.fuse.release.model.PublishResult;
import dev.fuse.release.publish.Publisher;

public class PublishActivitiesImpl implements PublishActivities {
    private final Publisher publisher;

    public PublishActivitiesImpl(Publisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        return ActivityFailures.run(() -> publisher.publish(request, Heartbeats.current()));
    }
}
