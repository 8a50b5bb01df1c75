package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.MetadataRequest;
import dev.fuse.release.contract.model.MetadataResult;
import dev.fuse.release.contract.model.RecordTargetRequest;
import dev.fuse.release.contract.model.SloReportRequest;
import dev.fuse.release.contract.model.SloReportResult;
import dev.fuse.release.contract.model.TargetRecordRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes SHA256SUMS and release-artifacts.json to staging; same input, same bytes. */
@ActivityInterface
public interface MetadataActivities {
    @ActivityMethod(name = "GenerateMetadata")
    MetadataResult generate(MetadataRequest request);

    /**
     * Writes the run's evidence, slo-report.json and report.html, to staging. They vary from run to
     * run (samples, timings), so they are bound to a release by digest, never listed in SHA256SUMS.
     */
    @ActivityMethod(name = "WriteSloReport")
    SloReportResult writeSloReport(SloReportRequest request);

    /**
     * Keeps one target's finished pipeline result in staging ({@code targets/<target>.json}), so
     * that later stages take its digest instead of its artifacts and evidence.
     */
    @ActivityMethod(name = "RecordTarget")
    TargetRecordRef recordTarget(RecordTargetRequest request);
}
