package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.Failures;
import dev.fuse.release.contract.ReleaseWorkflow;
import dev.fuse.release.contract.SearchAttributes;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.GateReport;
import dev.fuse.release.contract.model.Notification;
import dev.fuse.release.contract.model.NotificationEvent;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.PlanRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.TargetProgress;
import dev.fuse.release.policy.EmulationPolicy;
import dev.fuse.release.policy.GateEvaluator;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;

/**
 * The release: plan, build every target, judge the gates, stage metadata, wait for approval,
 * publish. Orchestration only: every side effect is an activity, the state lives in
 * {@link ReleaseState}, and each helper returns what it produced or throws how the release ends.
 */
public class ReleaseWorkflowImpl implements ReleaseWorkflow {
    private static final Logger log = Workflow.getLogger(ReleaseWorkflowImpl.class);

    private final ReleaseState release = new ReleaseState();
    private final ApprovalGate approvals = new ApprovalGate();
    private final OperatorDesk operators = new OperatorDesk(release.failedTargets());
    private ReleaseActivities activities;
    private Notifications notifications = Notifications.none();

    @Override
    public ReleaseStatus run(ReleaseRequest request) {
        activities = ReleaseActivities.of(ActivityOptionsCatalog.forRun(request.heartbeatTimeout()));
        release.begin(request);
        Workflow.upsertTypedSearchAttributes(SearchAttributes.VERSION.valueSet(request.version()));
        release.enter(Phase.PLANNING);
        try {
            notifications = Notifications.load(activities.options());
            // The policy governs operator actions as well as approvals: it loads before anything else.
            approvals.use(activities.policies().load(request.version()));
            ReleasePlan plan = activities
                    .planner()
                    .plan(new PlanRequest(
                            request,
                            Workflow.getInfo().getWorkflowId(),
                            Workflow.getInfo().getRunId()));
            release.planned(plan);
            Workflow.upsertTypedSearchAttributes(SearchAttributes.COMMIT.valueSet(plan.commit()));

            release.enter(Phase.BUILDING);
            release.built(buildAllTargets());
            checkEmulationPolicy();
            checkGates();

            release.enter(Phase.METADATA);
            String run = Workflow.getInfo().getWorkflowId() + "/"
                    + Workflow.getInfo().getRunId();
            release.staged(activities.metadata().generate(release.gathered().metadataRequest(release, run)));

            approvals.requireMaintainerSince(plan.contractChangedSince());
            release.enter(Phase.AWAITING_APPROVAL);
            awaitApproval(approvals.window(Duration.ofSeconds(request.approvalTimeoutSeconds())));
            log.info("release {} approved by {}", request.version(), approvals.decidedBy());

            release.enter(Phase.PUBLISHING);
            release.published(activities
                    .publisher()
                    .publish(release.gathered().publishRequest(release, approvals))
                    .prefix());
            release.enter(Phase.PUBLISHED);
            ReleaseMetrics.ended(Phase.PUBLISHED);
            tell(Notifications.about(release, NotificationEvent.PUBLISHED));
            return reply();
        } catch (TemporalFailure e) {
            throw ended(e);
        }
    }

    /**
     * Records how the release ended and gives the failure its execution ends with: Temporal's
     * "Canceled" for a cancelled release, otherwise a failure typed by the phase it ended in.
     */
    private TemporalFailure ended(TemporalFailure e) {
        String version = release.version();
        if (CancellationScope.current().isCancelRequested()) {
            release.ended(Phase.CANCELLED, operators.cancelled(Failures.rootMessage(e)));
            tell(ending(Phase.CANCELLED, false));
            return new CanceledFailure("release " + version + " cancelled");
        }
        Phase end = e instanceof ApplicationFailure own ? ReleaseEnd.phaseFor(own.getType()) : Phase.FAILED;
        release.ended(end, Failures.rootMessage(e));
        boolean expired = e instanceof ApplicationFailure own
                && FailureType.APPROVAL_EXPIRED.name().equals(own.getType());
        tell(ending(end, expired));
        return ApplicationFailure.newNonRetryableFailureWithCause(
                "release " + version + " " + end.name().toLowerCase() + ": " + release.failure(),
                FailureType.endingIn(end).name(),
                e);
    }

    /** Asks for approval and waits; the endpoints hear when it starts and a day before it runs out. */
    private void awaitApproval(Duration window) {
        approvals.open(window);
        notifications.send(approvalEvent(NotificationEvent.AWAITING_APPROVAL));
        approvals.await(
                window,
                notifications.enabled()
                        ? () -> notifications.send(approvalEvent(NotificationEvent.APPROVAL_ENDING))
                        : null);
    }

    private Notification approvalEvent(NotificationEvent kind) {
        ReleaseStatus.Approval approval = approvals.approval();
        return Notifications.about(release, kind)
                .withApproval(
                        approval.decideByMillis() == null ? 0 : approval.decideByMillis(), approval.stillNeeded());
    }

    private Notification ending(Phase end, boolean expired) {
        return Notifications.about(release, NotificationEvent.endingIn(end, expired))
                .withReason(release.failure());
    }

    /** The run's last event: sent, and its deliveries awaited (bounded) before the run closes. */
    private void tell(Notification last) {
        notifications.send(last);
        notifications.finish();
    }

    /** Every target's pipeline and the VSIX; a failed target waits for an operator (see TargetFanOut). */
    private List<Artifact> buildAllTargets() {
        ChildPipelines children = new ChildPipelines(release.plan(), activities.options());
        Duration window = Duration.ofSeconds(release.request().operatorWindow());
        return new TargetFanOut(release, children, window, notifications).run();
    }

    /**
     * The contract's go / no-go: evaluated in workflow code (pure, replayable), evidence written
     * either way, and a NO-GO release ends here, before anyone is asked to approve it.
     */
    private void checkGates() {
        ReleasePlan plan = release.plan();
        if (plan.slo() == null) return;
        GateReport gates = GateEvaluator.evaluate(plan.slo(), release.gathered().figures());
        release.judged(
                gates, activities.metadata().writeSloReport(release.gathered().sloReportRequest(plan)));
        if (!gates.go()) {
            throw ReleaseEnd.because(FailureType.GATES_FAILED, gates.noGoSummary());
        }
    }

    private void checkEmulationPolicy() {
        EmulationPolicy.violation(release.artifacts(), release.plan().allowEmulatedPublish())
                .ifPresent(why -> {
                    throw ReleaseEnd.because(FailureType.POLICY_VIOLATION, why);
                });
    }

    @Override
    public ReleaseStatus status() {
        return release.status(approvals.approval(), notifications.deliveries());
    }

    /** What Update replies and the result carry: the summary, since both are kept in history. */
    private ReleaseStatus reply() {
        return status().summary();
    }

    @Override
    public ReleaseStatus approve(ApprovalDecision decision) {
        approvals.decide(subject(), decision, DecisionKind.APPROVED);
        return reply();
    }

    @Override
    public void validateApprove(ApprovalDecision decision) {
        approvals.validate(subject(), decision, DecisionKind.APPROVED);
    }

    @Override
    public ReleaseStatus reject(ApprovalDecision decision) {
        approvals.decide(subject(), decision, DecisionKind.REJECTED);
        return reply();
    }

    @Override
    public void validateReject(ApprovalDecision decision) {
        approvals.validate(subject(), decision, DecisionKind.REJECTED);
    }

    private ApprovalGate.Subject subject() {
        return new ApprovalGate.Subject(release.phase(), release.version(), release.requestedBy(), release.staged());
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
        return new OperatorDesk.Subject(release.phase(), release.version(), release.requestedBy(), approvals.policy());
    }

    @Override
    public void targetProgress(TargetProgress progress) {
        release.progress(progress);
    }
}
