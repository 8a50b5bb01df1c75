package dev.fuse.release.adapter;

import dev.fuse.release.contract.activity.MetadataActivities;
import dev.fuse.release.contract.model.MetadataRequest;
import dev.fuse.release.contract.model.MetadataResult;
import dev.fuse.release.contract.model.RecordTargetRequest;
import dev.fuse.release.contract.model.SloReportRequest;
import dev.fuse.release.contract.model.SloReportResult;
import dev.fuse.release.contract.model.TargetRecordRef;
import dev.fuse.release.metadata.MetadataWriter;
import dev.fuse.release.metadata.TargetRecords;
import dev.fuse.release.report.SloReportWriter;

public class MetadataActivitiesImpl implements MetadataActivities {
    private final MetadataWriter writer;
    private final SloReportWriter reports;
    private final TargetRecords records;

    public MetadataActivitiesImpl(MetadataWriter writer, SloReportWriter reports, TargetRecords records) {
        this.writer = writer;
        this.reports = reports;
        this.records = records;
    }

    @Override
    public MetadataResult generate(MetadataRequest request) {
        return ActivityFailures.run(() -> writer.generate(records.expand(request), Heartbeats.current()));
    }

    @Override
    public SloReportResult writeSloReport(SloReportRequest request) {
        return ActivityFailures.run(() -> reports.write(records.expand(request), Heartbeats.current()));
    }

    @Override
    public TargetRecordRef recordTarget(RecordTargetRequest request) {
        return ActivityFailures.run(() -> records.write(request));
    }
}
