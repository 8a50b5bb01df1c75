package dev.fuse.release.activities;

import dev.fuse.release.activity.MetadataActivities;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.metadata.ArtifactNames;
import dev.fuse.release.metadata.Provenance;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.workflow.FailureType;
import java.util.List;
import dev.fuse.release.model.ArtifactRef;
import dev.fuse.release.model.MetadataRequest;
import dev.fuse.release.model.MetadataResult;
import dev.fuse.release.model.SloReportRequest;
import dev.fuse.release.model.SloReportResult;
import dev.fuse.release.report.HtmlReport;
import dev.fuse.release.report.SloReport;
import dev.fuse.release.storage.ArtifactStore;

/** Writes the deterministic metadata to the run's staging prefix (overwritable by the same run). */
public class MetadataActivitiesImpl implements MetadataActivities {
  private final ArtifactStore store;

  public MetadataActivitiesImpl(ArtifactStore store) {
    this.store = store;
  }

  @Override
  public MetadataResult generate(MetadataRequest request) {
    try {
      List<String> badNames = ArtifactNames.violations(request.plan().version(), request.artifacts());
      if (!badNames.isEmpty()) {
        throw new PipelineException(FailureType.BAD_ARCHIVE, String.join("; ", badNames));
      }
      String prefix = request.plan().stagingPrefix();
      byte[] manifest = ReleaseMetadata.manifest(request.plan(), request.artifacts());
      ArtifactRef manifestRef = store.putBytes(prefix + ReleaseMetadata.MANIFEST, manifest, "application/json");
      byte[] sums = ReleaseMetadata.checksums(request.artifacts(), manifestRef.sha256());
      ArtifactRef sumsRef = store.putBytes(prefix + ReleaseMetadata.CHECKSUMS, sums, "text/plain; charset=utf-8");
      byte[] provenance = Provenance.statement(request, sums, store.bucket(), System.currentTimeMillis());
      ArtifactRef provenanceRef = store.putBytes(prefix + Provenance.FILE_NAME, provenance, "application/json");
      return new MetadataResult(manifestRef, sumsRef, provenanceRef);
    } catch (Exception e) {
      throw ActivityFailures.toFailure(e);
    }
  }

  @Override
  public SloReportResult writeSloReport(SloReportRequest request) {
    try {
      String prefix = request.plan().stagingPrefix();
      ArtifactRef json = store.putBytes(prefix + SloReport.FILE_NAME, SloReport.json(request), "application/json");
      ArtifactRef html = store.putBytes(prefix + HtmlReport.FILE_NAME, HtmlReport.html(request), "text/html; charset=utf-8");
      return new SloReportResult(json, html);
    } catch (Exception e) {
      throw ActivityFailures.toFailure(e);
    }
  }
}
