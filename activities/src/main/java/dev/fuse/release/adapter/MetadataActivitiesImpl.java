package dev.fuse.release.adapter;

import dev.fuse.release.activity.MetadataActivities;
import dev.fuse.release.metadata.MetadataWriter;
import dev.fuse.release.model.MetadataRequest;
import dev.fuse.release.model.MetadataResult;
import dev.fuse.release.model.SloReportRequest;
import dev.fuse.release.model.SloReportResult;
import dev.fuse.release.report.SloReportWriter;

public class MetadataActivitiesImpl implements MetadataActivities {
    private final MetadataWriter writer;
    private final SloReportWriter reports;

    public MetadataActivitiesImpl(MetadataWriter writer, SloReportWriter reports) {
        this.writer = writer;
        this.reports = reports;
    }

    @Override
    public MetadataResult generate(MetadataRequest request) {
        return ActivityFailures.run(() -> writer.generate(request, Heartbeats.current()));
    }

    @Override
    public SloReportResult writeSloReport(SloReportRequest request) {
        return ActivityFailures.run(() -> reports.write(request, Heartbeats.current()));
    }
}
