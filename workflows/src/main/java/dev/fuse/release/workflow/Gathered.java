package dev.fuse.release.workflow;

import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.MetadataRequest;
import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.SloReportRequest;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetEvidence;
import dev.fuse.release.contract.model.TargetPipelineResult;
import dev.fuse.release.contract.model.TargetRecordRef;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a release gathers from its finished targets: the figures its gates judge and the digest of
 * each target's result as its pipeline kept it in staging. The later stages (reports, metadata,
 * publication) get those digests instead of every target's artifacts and evidence, so their
 * inputs do not grow with the target matrix. Workflow state, ordered by target.
 */
final class Gathered {
    private final Map<Target, TargetEvidence> figures = new TreeMap<>();
    private final Map<Target, TargetRecordRef> records = new TreeMap<>();

    void add(Target target, TargetPipelineResult result) {
        figures.put(target, result.targetEvidence());
        records.put(target, result.record());
    }

    List<TargetEvidence> figures() {
        return List.copyOf(figures.values());
    }

    private List<TargetRecordRef> records() {
        return List.copyOf(records.values());
    }

    /** Artifacts no target record holds: the platform-independent VSIX. */
    private static List<Artifact> beyondRecords(List<Artifact> all) {
        return all.stream().filter(a -> a.target() == null).toList();
    }

    SloReportRequest sloReportRequest(ReleasePlan plan) {
        return new SloReportRequest(plan, records());
    }

    /** What metadata generation is told: the VSIX, the evidence reports and the records. */
    MetadataRequest metadataRequest(ReleaseState release, String run) {
        return new MetadataRequest(
                release.plan(),
                beyondRecords(release.artifacts()),
                run,
                release.startedOn(),
                release.reportRefs(),
                records());
    }

    /** What publication is told: the staged release, who asked for it and every decision. */
    PublishRequest publishRequest(ReleaseState release, ApprovalGate approvals) {
        return new PublishRequest(
                release.plan(),
                beyondRecords(release.artifacts()),
                release.metadata(),
                approvals.approval().decision(),
                release.reportRefs(),
                release.requestedBy(),
                approvals.records(),
                records());
    }
}
