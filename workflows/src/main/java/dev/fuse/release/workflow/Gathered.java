package dev.fuse.release.workflow;

import dev.fuse.release.model.Artifact;
import dev.fuse.release.model.ArtifactRef;
import dev.fuse.release.model.GateReport;
import dev.fuse.release.model.MetadataRequest;
import dev.fuse.release.model.MetadataResult;
import dev.fuse.release.model.PublishRequest;
import dev.fuse.release.model.ReleasePlan;
import dev.fuse.release.model.ReleaseRequest;
import dev.fuse.release.model.SloReportRequest;
import dev.fuse.release.model.Target;
import dev.fuse.release.model.TargetEvidence;
import dev.fuse.release.model.TargetRecordRef;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a release gathers from its targets: evidence files, the figures its gates judge, and the
 * digest of each target's result as its pipeline kept it in staging (pipelines since
 * "target-records" do). When every target has a record, later stages get the digests instead of
 * every target's artifacts and evidence, so their inputs do not grow with the matrix; releases
 * whose pipelines predate records (or mix both) list everything, as they always did. Guarded by
 * data, not by a version of its own: the child results in the history decide. Workflow state,
 * ordered by target.
 */
final class Gathered {
    final List<ArtifactRef> evidence = new ArrayList<>();
    final Map<Target, TargetEvidence> figures = new TreeMap<>();
    final Map<Target, TargetRecordRef> records = new TreeMap<>();

    /** A target's pipeline finished; {@code record} is null when it kept none. */
    void kept(Target target, TargetRecordRef record) {
        if (record == null) {
            records.remove(target);
        } else {
            records.put(target, record);
        }
    }

    /** Every finished target kept a record. */
    boolean keepsRecords() {
        return !records.isEmpty() && records.keySet().equals(figures.keySet());
    }

    List<TargetRecordRef> recordList() {
        return List.copyOf(records.values());
    }

    /** Evidence files the stages must be told of: with records, only those no record holds. */
    List<ArtifactRef> evidenceBeyondRecords(List<ArtifactRef> reports) {
        return keepsRecords() ? reports : List.copyOf(evidence);
    }

    /** Artifacts the stages must be told of: with records, only those no record holds (the VSIX). */
    List<Artifact> artifactsBeyondRecords(List<Artifact> all) {
        return keepsRecords() ? all.stream().filter(a -> a.target() == null).toList() : all;
    }

    /** With records, the report derives the figures and the gate table from them itself. */
    SloReportRequest sloReportRequest(ReleasePlan plan, GateReport gates) {
        return keepsRecords()
                ? new SloReportRequest(plan, null, List.of(), recordList())
                : new SloReportRequest(plan, gates, List.copyOf(figures.values()));
    }

    /** What metadata generation is told: the artifacts and evidence beyond records, and the records. */
    MetadataRequest metadataRequest(
            ReleasePlan plan, List<Artifact> artifacts, long startedOn, List<ArtifactRef> reports) {
        String run =
                Workflow.getInfo().getWorkflowId() + "/" + Workflow.getInfo().getRunId();
        return new MetadataRequest(
                plan, artifactsBeyondRecords(artifacts), run, startedOn, evidenceBeyondRecords(reports), recordList());
    }

    /** What publication is told: the staged release, who asked for it and every decision. */
    PublishRequest publishRequest(
            ReleasePlan plan,
            List<Artifact> artifacts,
            MetadataResult metadata,
            List<ArtifactRef> reports,
            ReleaseRequest request,
            ApprovalGate approvals) {
        return new PublishRequest(
                plan,
                artifactsBeyondRecords(artifacts),
                metadata,
                approvals.approval().decision(),
                reports,
                request.requestedBy(),
                approvals.records(),
                recordList());
    }
}
