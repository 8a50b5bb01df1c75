package dev.fuse.release.workflow;

import dev.fuse.release.activity.MetadataActivities;
import dev.fuse.release.activity.PlanActivities;
import dev.fuse.release.activity.PublishActivities;
import dev.fuse.release.model.ApprovalDecision;
import dev.fuse.release.model.Artifact;
import dev.fuse.release.model.ArtifactRef;
import dev.fuse.release.model.DecisionKind;
import dev.fuse.release.model.GateReport;
import dev.fuse.release.model.GateResult;
import dev.fuse.release.model.MetadataRequest;
import dev.fuse.release.model.MetadataResult;
import dev.fuse.release.model.Phase;
import dev.fuse.release.model.PlanRequest;
import dev.fuse.release.model.PublishRequest;
import dev.fuse.release.model.PublishResult;
import dev.fuse.release.model.ReleasePlan;
import dev.fuse.release.model.ReleaseRequest;
import dev.fuse.release.model.ReleaseStatus;
import dev.fuse.release.model.SloReportRequest;
import dev.fuse.release.model.SloReportResult;
import dev.fuse.release.model.Stage;
import dev.fuse.release.model.Target;
import dev.fuse.release.model.TargetEvidence;
import dev.fuse.release.model.TargetPipelineResult;
import dev.fuse.release.model.TargetProgress;
import dev.fuse.release.model.TargetStatus;
import dev.fuse.release.policy.ArtifactOrder;
import dev.fuse.release.policy.EmulationPolicy;
import dev.fuse.release.policy.GateEvaluator;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;

/** Orchestration only: every side effect is an activity, every collection ordered. */
public class ReleaseWorkflowImpl implements ReleaseWorkflow {
    private static final Logger log = Workflow.getLogger(ReleaseWorkflowImpl.class);

    private final PlanActivities planner =
            Workflow.newActivityStub(PlanActivities.class, ActivityOptionsCatalog.plan());
    private final MetadataActivities metadataWriter =
            Workflow.newActivityStub(MetadataActivities.class, ActivityOptionsCatalog.metadata());
    private final PublishActivities publisher =
            Workflow.newActivityStub(PublishActivities.class, ActivityOptionsCatalog.publish());

    private ReleaseRequest request;
    private ReleasePlan plan;
    private Phase phase = Phase.PLANNING;
    private final Map<Target, TargetStatus> targets = new TreeMap<>();
    private List<Artifact> artifacts = List.of();
    private MetadataResult metadata;
    private ReleaseStatus.Approval approval = new ReleaseStatus.Approval(null, null);
    private String publishedPrefix;
    private String failure;
    private GateReport gates;
    private SloReportResult reports;
    private final List<TargetEvidence> targetEvidence = new ArrayList<>();
    private long startedOn;
    private final List<ArtifactRef> evidence = new ArrayList<>();

    @Override
    public ReleaseStatus run(ReleaseRequest request) {
        this.request = request;
        this.startedOn = Workflow.currentTimeMillis();
        for (Target t : request.sortedTargets()) {
            targets.put(t, new TargetStatus(t, Stage.PENDING, false, null, null));
        }
        Workflow.upsertTypedSearchAttributes(SearchAttributes.VERSION.valueSet(request.version()));
        enter(Phase.PLANNING);
        try {
            plan = planner.plan(new PlanRequest(
                    request,
                    Workflow.getInfo().getWorkflowId(),
                    Workflow.getInfo().getRunId()));
            Workflow.upsertTypedSearchAttributes(SearchAttributes.COMMIT.valueSet(plan.commit()));

            enter(Phase.BUILDING);
            artifacts = ArtifactOrder.sorted(buildAllTargets());
            checkEmulationPolicy();
            checkGates();

            enter(Phase.METADATA);
            metadata = metadataWriter.generate(new MetadataRequest(
                    plan,
                    artifacts,
                    Workflow.getInfo().getWorkflowId() + "/"
                            + Workflow.getInfo().getRunId(),
                    startedOn,
                    evidence));

            enter(Phase.AWAITING_APPROVAL);
            awaitDecision();

            enter(Phase.PUBLISHING);
            PublishResult published =
                    publisher.publish(new PublishRequest(plan, artifacts, metadata, approval.decision(), reportRefs()));
            publishedPrefix = published.prefix();
            enter(Phase.PUBLISHED);
            return status();
        } catch (TemporalFailure e) {
            if (phase != Phase.REJECTED) {
                failure = failure != null ? failure : Failures.rootMessage(e);
                enter(Phase.FAILED);
            }
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    "release " + request.version() + " " + phase.name().toLowerCase() + ": " + failure,
                    (phase == Phase.REJECTED ? FailureType.RELEASE_REJECTED : FailureType.RELEASE_FAILED).name(),
                    e);
        }
    }

    /** Fans out one child pipeline per target plus the VSIX, then waits for all of them. */
    private List<Artifact> buildAllTargets() {
        List<Promise<TargetPipelineResult>> pipelines = new ArrayList<>();
        for (Target target : plan.targets()) {
            pipelines.add(ChildPipelines.start(plan, target));
        }
        Promise<Artifact> vsix = ChildPipelines.startExtension(plan);

        List<Artifact> built = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < pipelines.size(); i++) {
            String target = plan.targets().get(i).id();
            try {
                TargetPipelineResult result = pipelines.get(i).get();
                built.addAll(result.artifacts());
                evidence.addAll(result.evidence());
                targetEvidence.add(new TargetEvidence(
                        plan.targets().get(i),
                        result.measure(),
                        result.parity(),
                        result.verify().runtime()));
            } catch (TemporalFailure e) {
                failures.add(target + ": " + Failures.rootMessage(e));
            }
        }
        try {
            built.add(vsix.get());
        } catch (TemporalFailure e) {
            failures.add("vscode extension: " + Failures.rootMessage(e));
        }
        if (!failures.isEmpty()) {
            failure = String.join("; ", failures);
            throw ApplicationFailure.newNonRetryableFailure(failure, FailureType.TARGETS_FAILED.name());
        }
        return built;
    }

    /**
     * The contract's go / no-go: evaluated in workflow code (pure, replayable), evidence written
     * either way, and a NO-GO release ends here, before anyone is asked to approve it.
     */
    private void checkGates() {
        if (plan.slo() == null) {
            return;
        }
        gates = GateEvaluator.evaluate(plan.slo(), targetEvidence);
        reports = metadataWriter.writeSloReport(new SloReportRequest(plan, gates, targetEvidence));
        evidence.add(reports.json());
        evidence.add(reports.html());
        if (!gates.go()) {
            List<String> failing = new ArrayList<>();
            for (GateResult g : gates.failing()) {
                failing.add(g.target() + " " + g.gate() + " " + g.value() + " (needs " + g.threshold() + ")");
            }
            failure = "NO-GO: " + String.join("; ", failing);
            throw ApplicationFailure.newNonRetryableFailure(failure, FailureType.GATES_FAILED.name());
        }
    }

    private List<ArtifactRef> reportRefs() {
        return reports == null ? List.of() : List.of(reports.json(), reports.html());
    }

    private void checkEmulationPolicy() {
        EmulationPolicy.violation(artifacts, plan.allowEmulatedPublish()).ifPresent(why -> {
            failure = why;
            throw ApplicationFailure.newNonRetryableFailure(why, FailureType.POLICY_VIOLATION.name());
        });
    }

    private void awaitDecision() {
        Duration timeout = Duration.ofSeconds(request.approvalTimeoutSeconds());
        boolean decided = Workflow.await(timeout, () -> approval.kind() != null);
        if (!decided) {
            approval = new ReleaseStatus.Approval(DecisionKind.EXPIRED, null);
            failure = "no decision within " + timeout + "; an expired approval counts as a rejection";
            enter(Phase.REJECTED);
            throw ApplicationFailure.newNonRetryableFailure(failure, FailureType.APPROVAL_EXPIRED.name());
        }
        if (approval.kind() == DecisionKind.REJECTED) {
            failure = "rejected by " + approval.decision().approver() + ": "
                    + approval.decision().comment();
            enter(Phase.REJECTED);
            throw ApplicationFailure.newNonRetryableFailure(failure, FailureType.RELEASE_REJECTED.name());
        }
        log.info(
                "release {} approved by {}",
                request.version(),
                approval.decision().approver());
    }

    private void enter(Phase next) {
        phase = next;
        Workflow.upsertTypedSearchAttributes(SearchAttributes.PHASE.valueSet(next.name()));
        StringBuilder details = new StringBuilder("**" + next + "**");
        for (TargetStatus t : targets.values()) {
            details.append("\n- ").append(t.target().id()).append(": ").append(t.stage());
        }
        Workflow.setCurrentDetails(details.toString());
    }

    @Override
    public ReleaseStatus status() {
        return new ReleaseStatus(
                request == null ? null : request.version(),
                phase,
                plan == null ? null : new ReleaseStatus.Revision(plan.commit(), plan.sourceDateEpoch()),
                new ArrayList<>(targets.values()),
                artifacts,
                new ReleaseStatus.Evidence(metadata, gates, reports),
                approval,
                new ReleaseStatus.Outcome(publishedPrefix, failure));
    }

    @Override
    public ReleaseStatus approve(ApprovalDecision decision) {
        return decide(decision, DecisionKind.APPROVED);
    }

    @Override
    public void validateApprove(ApprovalDecision decision) {
        validateDecision(decision, "approve");
    }

    @Override
    public ReleaseStatus reject(ApprovalDecision decision) {
        return decide(decision, DecisionKind.REJECTED);
    }

    @Override
    public void validateReject(ApprovalDecision decision) {
        validateDecision(decision, "reject");
    }

    private ReleaseStatus decide(ApprovalDecision decision, DecisionKind kind) {
        if (approval.kind() != null) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "release already " + approval.kind().word() + " by "
                            + approval.decision().approver(),
                    FailureType.ALREADY_DECIDED.name());
        }
        this.approval = new ReleaseStatus.Approval(kind, decision);
        return status();
    }

    /** Runs before the update reaches history: a refused decision leaves no trace there. */
    private void validateDecision(ApprovalDecision d, String verb) {
        DecisionRules.check(
                phase,
                approval.kind(),
                request == null ? "(not started)" : request.version(),
                d,
                verb,
                metadata == null ? null : metadata.manifest().sha256());
    }

    @Override
    public void targetProgress(TargetProgress progress) {
        TargetStatus old = targets.get(progress.target());
        String host = progress.hostClass() != null ? progress.hostClass() : old == null ? null : old.hostClass();
        boolean emulated = progress.hostClass() != null ? progress.emulated() : old != null && old.emulated();
        targets.put(
                progress.target(),
                new TargetStatus(progress.target(), progress.stage(), emulated, host, progress.detail()));
        if (phase == Phase.BUILDING) {
            enter(Phase.BUILDING);
        }
    }
}
