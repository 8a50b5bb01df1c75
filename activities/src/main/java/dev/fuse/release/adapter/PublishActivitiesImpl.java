package dev.fuse.release.adapter;

import dev.fuse.release.contract.activity.PublishActivities;
import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.contract.model.PublishResult;
import dev.fuse.release.metadata.TargetRecords;
import dev.fuse.release.publish.Publisher;

public class PublishActivitiesImpl implements PublishActivities {
    private final Publisher publisher;
    private final TargetRecords records;

    public PublishActivitiesImpl(Publisher publisher, TargetRecords records) {
        this.publisher = publisher;
        this.records = records;
    }

    /**
     * A release that passed target records gets its result without the list of published objects
     * (SHA256SUMS and the manifest list them): the list grows with the matrix and the result is kept
     * in the release's history.
     */
    @Override
    public PublishResult publish(PublishRequest request) {
        PublishResult result =
                ActivityFailures.run(() -> publisher.publish(records.expand(request), Heartbeats.current()));
        return request.targetRecords().isEmpty() ? result : result.withoutList();
    }
}
