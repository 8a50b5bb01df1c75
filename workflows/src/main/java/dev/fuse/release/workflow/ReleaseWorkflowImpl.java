package dev.fuse.release.workflow;

import dev.fuse.release.model.ApprovalDecision;
import dev.fuse.release.model.Artifact;
import dev.fuse.release.model.ArtifactRef;
import dev.fuse.release.model.DecisionKind;
import dev.fuse.release.model.GateReport;
import dev.fuse.release.model.MetadataResult;
import dev.fuse.release.model.OperatorRequests;
import dev.fuse.release.model.Phase;
import dev.fuse.release.model.PlanRequest;
import dev.fuse.release.model.ReleasePlan;
import dev.fuse.release.model.ReleaseRequest;
import dev.fuse.release.model.ReleaseStatus;
import dev.fuse.release.model.SloReportResult;
import dev.fuse.release.model.Stage;
import dev.fuse.release.model.Target;
import dev.fuse.release.model.TargetProgress;
import dev.fuse.release.model.TargetStatus;
import dev.fuse.release.policy.ArtifactOrder;
import dev.fuse.release.policy.EmulationPolicy;
import dev.fuse.release.policy.GateEvaluator;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
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

    private ReleaseActivities activities;
    private ReleaseRequest request;
    private ReleasePlan plan;
    private Phase phase = Phase.PLANNING;
    private final Map<Target, TargetStatus> targets = new TreeMap<>();
    private List<Artifact> artifacts = List.of();
    private MetadataResult metadata;
    private final ApprovalGate approvals = new ApprovalGate();
    private String publishedPrefix;
    private String failure;
    private GateReport gates;
    private SloReportResult reports;
    private final FailedTargets failedTargets = new FailedTargets();
    private final OperatorDesk operators = new OperatorDesk(failedTargets);
    private final Map<Target, long[]> clock = new TreeMap<>();
    private long startedOn;
    private final Gathered gathered = new Gathered();
    private final SearchAttributes.Upserts attributes = new SearchAttributes.Upserts();

    @Override
    public ReleaseStatus run(ReleaseRequest request) {
        this.request = request;
        this.startedOn = Workflow.currentTimeMillis();
        activities = ReleaseActivities.of(ActivityOptionsCatalog.forRun(request.heartbeatTimeout()));
        request.sortedTargets().forEach(t -> targets.put(t, new TargetStatus(t, Stage.PENDING, false, null, null)));
        Workflow.upsertTypedSearchAttributes(SearchAttributes.VERSION.valueSet(request.version()));
        enter(Phase.PLANNING);
        try {
            loadPolicyAtStart();
            plan = activities
                    .planner()
                    .plan(new PlanRequest(
                            request,
                            Workflow.getInfo().getWorkflowId(),
                            Workflow.getInfo().getRunId()));
            Workflow.upsertTypedSearchAttributes(SearchAttributes.COMMIT.valueSet(plan.commit()));

            enter(Phase.BUILDING);
            artifacts = ArtifactOrder.sorted(buildAllTargets());
            checkEmulationPolicy();
            checkGates();

            enter(Phase.METADATA);
            metadata =
                    activities.metadata().generate(gathered.metadataRequest(plan, artifacts, startedOn, reportRefs()));

            loadPolicyForApproval();
            enter(Phase.AWAITING_APPROVAL);
            awaitDecision();

            enter(Phase.PUBLISHING);
            publishedPrefix = activities
                    .publisher()
                    .publish(gathered.publishRequest(plan, artifacts, metadata, reportRefs(), request, approvals))
                    .prefix();
            enter(Phase.PUBLISHED);
            return reply();
        } catch (TemporalFailure e) {
            throw ended(e);
        }
    }

    /** Records how the release ended and gives the failure (or cancellation) its execution ends with. */
    private TemporalFailure ended(TemporalFailure e) {
        if (endsAsCancelled()) {
            failure = operators.cancelled(Failures.rootMessage(e));
            enter(Phase.CANCELLED);
            return new CanceledFailure("release " + request.version() + " cancelled");
        }
        if (phase != Phase.REJECTED && phase != Phase.ABANDONED) {
            failure = failure != null ? failure : Failures.rootMessage(e);
            enter(Phase.FAILED);
        }
        return ApplicationFailure.newNonRetryableFailureWithCause(
                "release " + request.version() + " " + phase.name().toLowerCase() + ": " + failure,
                FailureType.endingIn(phase).name(),
                e);
    }

    /**
     * A cancelled release ends as Temporal's "Canceled" with phase CANCELLED; releases recorded
     * before that replay as FAILED.
     */
    private static boolean endsAsCancelled() {
        return CancellationScope.current().isCancelRequested()
                && Workflow.getVersion("cancelled-phase", Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    /** Every target's pipeline and the VSIX; a failed target waits for an operator (see TargetFanOut). */
    private List<Artifact> buildAllTargets() {
        return new TargetFanOut(
                        plan,
                        activities,
                        Duration.ofSeconds(request.operatorWindow()),
                        targets,
                        failedTargets,
                        gathered,
                        this::enter,
                        why -> failure = why)
                .run();
    }

    /**
     * The contract's go / no-go: evaluated in workflow code (pure, replayable), evidence written
     * either way, and a NO-GO release ends here, before anyone is asked to approve it.
     */
    private void checkGates() {
        if (plan.slo() == null) return;
        gates = GateEvaluator.evaluate(plan.slo(), List.copyOf(gathered.figures.values()));
        reports = activities.metadata().writeSloReport(gathered.sloReportRequest(plan, gates));
        gathered.evidence.add(reports.json());
        gathered.evidence.add(reports.html());
        if (!gates.go()) {
            throw ApplicationFailure.newNonRetryableFailure(gates.noGoSummary(), FailureType.GATES_FAILED.name());
        }
    }

    private List<ArtifactRef> reportRefs() {
        return reports == null ? List.of() : List.of(reports.json(), reports.html());
    }

    private void checkEmulationPolicy() {
        EmulationPolicy.violation(artifacts, plan.allowEmulatedPublish()).ifPresent(why -> {
            throw ApplicationFailure.newNonRetryableFailure(why, FailureType.POLICY_VIOLATION.name());
        });
    }

    /** Since "operator-policy" the policy loads as the release starts: it governs retry, abandon and cancel. */
    private void loadPolicyAtStart() {
        boolean governed = Workflow.getVersion("operator-policy", Workflow.DEFAULT_VERSION, 1) >= 1;
        operators.governed(governed);
        if (governed) approvals.use(activities.policies().load(request.version()));
    }

    /** Releases recorded before "operator-policy" load it here; those before "approval-policy" take one decision. */
    private void loadPolicyForApproval() {
        if (approvals.policy() == null && Workflow.getVersion("approval-policy", Workflow.DEFAULT_VERSION, 1) >= 1) {
            approvals.use(activities.policies().load(request.version()));
        }
    }

    private void awaitDecision() {
        Duration window = approvals.window(Duration.ofSeconds(request.approvalTimeoutSeconds()));
        approvals.await(window, why -> {
            failure = why;
            enter(Phase.REJECTED);
        });
        log.info("release {} approved by {}", request.version(), approvals.decidedBy());
    }

    private void enter(Phase next) {
        phase = next;
        attributes.phase(next, failedTargets.targets());
        Workflow.setCurrentDetails(
                CurrentDetails.markdown(next, targets.values(), clock, Workflow.currentTimeMillis()));
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
                approvals.approval(),
                new ReleaseStatus.Outcome(publishedPrefix, failure));
    }

    @Override
    public ReleaseStatus approve(ApprovalDecision decision) {
        return decide(decision, DecisionKind.APPROVED);
    }

    @Override
    public void validateApprove(ApprovalDecision decision) {
        approvals.validate(subject(), decision, DecisionKind.APPROVED);
    }

    @Override
    public ReleaseStatus reject(ApprovalDecision decision) {
        return decide(decision, DecisionKind.REJECTED);
    }

    @Override
    public void validateReject(ApprovalDecision decision) {
        approvals.validate(subject(), decision, DecisionKind.REJECTED);
    }

    private ReleaseStatus decide(ApprovalDecision decision, DecisionKind kind) {
        approvals.decide(subject(), decision, kind);
        return reply();
    }

    /** What replies and the result carry: a summary since "compact-replies", the whole status before. */
    private ReleaseStatus reply() {
        boolean compact = Workflow.getVersion("compact-replies", Workflow.DEFAULT_VERSION, 1) >= 1;
        return compact ? status().summary() : status();
    }

    private ApprovalGate.Subject subject() {
        String version = request == null ? "(not started)" : request.version();
        String manifest = metadata == null ? null : metadata.manifest().sha256();
        String evidence = reports == null ? null : reports.json().sha256();
        return new ApprovalGate.Subject(
                phase,
                version,
                request == null ? null : request.requestedBy(),
                new ApprovalRules.Staged(manifest, evidence));
    }

    @Override
    public ReleaseStatus retryTarget(OperatorRequests.Retry retry) {
        operators.retry(operatorSubject(), retry);
        return reply();
    }

    @Override
    public void validateRetryTarget(OperatorRequests.Retry retry) {
        operators.validateRetry(operatorSubject(), retry);
    }

    @Override
    public ReleaseStatus abandon(OperatorRequests.Abandon abandon) {
        operators.abandon(operatorSubject(), abandon);
        return reply();
    }

    @Override
    public void validateAbandon(OperatorRequests.Abandon abandon) {
        operators.validateAbandon(operatorSubject(), abandon);
    }

    @Override
    public void cancel(OperatorRequests.Cancel cancel) {
        operators.cancel(operatorSubject(), cancel);
    }

    @Override
    public void validateCancel(OperatorRequests.Cancel cancel) {
        operators.validateCancel(operatorSubject(), cancel);
    }

    private OperatorDesk.Subject operatorSubject() {
        return new OperatorDesk.Subject(
                phase,
                request == null ? "(not started)" : request.version(),
                request == null ? null : request.requestedBy(),
                approvals.policy());
    }

    @Override
    public void targetProgress(TargetProgress progress) {
        CurrentDetails.tick(clock, progress.target(), progress.stage(), Workflow.currentTimeMillis());
        targets.put(progress.target(), TargetStatus.after(targets.get(progress.target()), progress));
        if (phase == Phase.BUILDING) {
            enter(Phase.BUILDING);
        }
    }
}
