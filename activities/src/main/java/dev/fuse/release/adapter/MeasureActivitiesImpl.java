package dev.fuse.release.adapter;

import dev.fuse.release.contract.activity.MeasureActivities;
import dev.fuse.release.contract.model.MeasureRequest;
import dev.fuse.release.contract.model.MeasureResult;
import dev.fuse.release.measure.Measurer;

public class MeasureActivitiesImpl implements MeasureActivities {
    private final Measurer measurer;

    public MeasureActivitiesImpl(Measurer measurer) {
        this.measurer = measurer;
    }

    @Override
    public MeasureResult measure(MeasureRequest request) {
        return ActivityFailures.run(() -> measurer.measure(request, Heartbeats.current()));
    }
}
