package dev.fuse.release.workflow;

import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.DeliveryStatus;
import dev.fuse.release.contract.model.GateReport;
import dev.fuse.release.contract.model.MetadataResult;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.SloReportResult;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetPipelineResult;
import dev.fuse.release.contract.model.TargetProgress;
import dev.fuse.release.contract.model.TargetStatus;
import dev.fuse.release.policy.ArtifactOrder;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a release knows, in one place: its phase, each target's progress and clock, what the
 * targets handed in ({@link Gathered}), the staged metadata and gate verdict, and how it ended.
 * The workflow and its helpers change it through the methods below; the status query and the
 * Temporal UI's current details render it. Workflow state: every map ordered by target.
 */
final class ReleaseState {
    private final Map<Target, TargetStatus> targets = new TreeMap<>();
    private final Map<Target, long[]> clock = new TreeMap<>();
    private final Gathered gathered = new Gathered();
    private final FailedTargets failedTargets = new FailedTargets();
    private final PhaseAttributes attributes = new PhaseAttributes();
    private ReleaseRequest request;
    private long startedOn;
    private Phase phase = Phase.PLANNING;
    private ReleasePlan plan;
    private List<Artifact> artifacts = List.of();
    private MetadataResult metadata;
    private GateReport gates;
    private SloReportResult reports;
    private String publishedPrefix;
    private String failure;

    void begin(ReleaseRequest request) {
        this.request = request;
        this.startedOn = Workflow.currentTimeMillis();
        request.sortedTargets().forEach(t -> targets.put(t, new TargetStatus(t, Stage.PENDING, false, null, null)));
    }

    void enter(Phase next) {
        phase = next;
        attributes.phase(next, failedTargets.targets());
        Workflow.setCurrentDetails(
                CurrentDetails.markdown(next, targets.values(), clock, Workflow.currentTimeMillis()));
    }

    void planned(ReleasePlan plan) {
        this.plan = plan;
    }

    void progress(TargetProgress progress) {
        CurrentDetails.tick(clock, progress.target(), progress.stage(), Workflow.currentTimeMillis());
        targets.put(progress.target(), TargetStatus.after(targets.get(progress.target()), progress));
        if (phase == Phase.BUILDING) enter(Phase.BUILDING);
    }

    void retrying(Target target, int attempt) {
        targets.put(target, new TargetStatus(target, Stage.PENDING, false, null, "retry", attempt, null));
    }

    void finished(Target target, TargetPipelineResult result) {
        gathered.add(target, result);
        failedTargets.succeeded(target);
    }

    void failed(Target target, String why) {
        failedTargets.failed(target, why);
    }

    void built(List<Artifact> all) {
        artifacts = ArtifactOrder.sorted(all);
    }

    void judged(GateReport gates, SloReportResult reports) {
        this.gates = gates;
        this.reports = reports;
    }

    void staged(MetadataResult metadata) {
        this.metadata = metadata;
    }

    void published(String prefix) {
        publishedPrefix = prefix;
    }

    /** Records how the release ended; the phase it ends in comes from the failure that ended it. */
    void ended(Phase end, String why) {
        failure = why;
        enter(end);
        ReleaseMetrics.ended(end);
    }

    ReleaseRequest request() {
        return request;
    }

    ReleasePlan plan() {
        return plan;
    }

    Phase phase() {
        return phase;
    }

    String failure() {
        return failure;
    }

    String version() {
        return request == null ? "(not started)" : request.version();
    }

    String requestedBy() {
        return request == null ? null : request.requestedBy();
    }

    FailedTargets failedTargets() {
        return failedTargets;
    }

    Gathered gathered() {
        return gathered;
    }

    List<Artifact> artifacts() {
        return artifacts;
    }

    long startedOn() {
        return startedOn;
    }

    MetadataResult metadata() {
        return metadata;
    }

    /** The evidence reports written at the gates (none before them). */
    List<ArtifactRef> reportRefs() {
        return reports == null ? List.of() : List.of(reports.json(), reports.html());
    }

    /** What approvers sign over: the staged manifest and gate evidence digests (null until they exist). */
    ApprovalRules.Staged staged() {
        return new ApprovalRules.Staged(
                metadata == null ? null : metadata.manifest().sha256(),
                reports == null ? null : reports.json().sha256(),
                plan == null ? null : plan.contractChangedSince());
    }

    ReleaseStatus status(ReleaseStatus.Approval approval, List<DeliveryStatus> notifications) {
        return new ReleaseStatus(
                request == null ? null : request.version(),
                phase,
                plan == null ? null : new ReleaseStatus.Revision(plan.commit(), plan.sourceDateEpoch()),
                new ArrayList<>(targets.values()),
                artifacts,
                new ReleaseStatus.Evidence(metadata, gates, reports),
                approval,
                new ReleaseStatus.Outcome(publishedPrefix, failure),
                notifications);
    }
}
