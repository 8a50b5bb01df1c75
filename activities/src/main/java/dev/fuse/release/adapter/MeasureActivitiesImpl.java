package dev.fuse.release.adapter;

import dev.fuse.release.activity.MeasureActivities;
import dev.fuse.release.measure.Measurer;
import dev.fuse.release.model.MeasureRequest;
import dev.fuse.release.model.MeasureResult;

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
