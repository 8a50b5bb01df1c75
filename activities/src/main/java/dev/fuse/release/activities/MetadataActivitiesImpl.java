package dev.fuse.release.activities;

import dev.fuse.release.activity.MetadataActivities;
import dev.fuse.release.metadata.MetadataWriter;
import dev.fuse.release.model.MetadataRequest;
import dev.fuse.release.model.MetadataResult;
import dev.fuse.release.model.SloReportRequest;
import dev.fuse.release.model.SloReportResult;

public class MetadataActivitiesImpl implements MetadataActivities {
  private final MetadataWriter writer;

  public MetadataActivitiesImpl(MetadataWriter writer) {
    this.writer = writer;
  }

  @Override
  public MetadataResult generate(MetadataRequest request) {
    return ActivityFailures.run(() -> writer.generate(request));
  }

  @Override
  public SloReportResult writeSloReport(SloReportRequest request) {
    return ActivityFailures.run(() -> writer.writeSloReport(request));
  }
}
