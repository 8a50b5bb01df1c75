package dev.fuse.release.adapter;

import dev.fuse.release.contract.activity.RoutingActivities;
import dev.fuse.release.contract.model.RebuilderRequest;
import dev.fuse.release.routing.WorkerRegistry;

public class RoutingActivitiesImpl implements RoutingActivities {
    private final WorkerRegistry registry;

    public RoutingActivitiesImpl(WorkerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String chooseRebuilder(RebuilderRequest request) {
        return ActivityFailures.run(() ->
                registry.otherLiveWorker(request.platform(), request.builtBy()).orElse(null));
    }
}
