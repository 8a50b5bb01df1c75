package dev.fuse.release.workflow;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.fuse.release.contract.ReleaseWorkflow;
import dev.fuse.release.contract.SearchAttributes;
import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.contract.activity.BuildActivities;
import dev.fuse.release.contract.activity.MeasureActivities;
import dev.fuse.release.contract.activity.MetadataActivities;
import dev.fuse.release.contract.activity.NotificationActivities;
import dev.fuse.release.contract.activity.ParityActivities;
import dev.fuse.release.contract.activity.PlanActivities;
import dev.fuse.release.contract.activity.PublishActivities;
import dev.fuse.release.contract.activity.ReproducibilityActivities;
import dev.fuse.release.contract.activity.RollbackActivities;
import dev.fuse.release.contract.activity.VerifyActivities;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.DeliveryAttempt;
import dev.fuse.release.contract.model.Fixtures;
import dev.fuse.release.contract.model.MeasureRequest;
import dev.fuse.release.contract.model.ParityRequest;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.PublishResult;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.SloReportResult;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.VerifyResult;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;

/**
 * A time-skipping Temporal environment with the real workflows and mocked activities on the
 * same task queues production uses. The mocks answer like the real activities would for the
 * example project.
 */
final class WorkflowTestBed implements AutoCloseable {
    final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    final PlanActivities plan = mock(PlanActivities.class, withSettings().withoutAnnotations());
    final BuildActivities build = mock(BuildActivities.class, withSettings().withoutAnnotations());
    final VerifyActivities verify = mock(VerifyActivities.class, withSettings().withoutAnnotations());
    final ReproducibilityActivities reproducibility =
            mock(ReproducibilityActivities.class, withSettings().withoutAnnotations());
    final MeasureActivities measure =
            mock(MeasureActivities.class, withSettings().withoutAnnotations());
    final ParityActivities parity = mock(ParityActivities.class, withSettings().withoutAnnotations());
    final MetadataActivities metadata =
            mock(MetadataActivities.class, withSettings().withoutAnnotations());
    final PublishActivities publish =
            mock(PublishActivities.class, withSettings().withoutAnnotations());
    final RollbackActivities rollback =
            mock(RollbackActivities.class, withSettings().withoutAnnotations());
    final dev.fuse.release.contract.activity.ApprovalPolicyActivities policy = mock(
            dev.fuse.release.contract.activity.ApprovalPolicyActivities.class,
            withSettings().withoutAnnotations());
    final dev.fuse.release.contract.activity.RoutingActivities routing = mock(
            dev.fuse.release.contract.activity.RoutingActivities.class,
            withSettings().withoutAnnotations());
    /** No endpoints unless a test gives some ({@link #notifyTo}). */
    final NotificationActivities notifications =
            mock(NotificationActivities.class, withSettings().withoutAnnotations());
    /** The rebuild activity of a second linux-x64 worker, on its own queue ({@link #OTHER_WORKER}). */
    final ReproducibilityActivities otherWorker =
            mock(ReproducibilityActivities.class, withSettings().withoutAnnotations());

    static final String OTHER_WORKER = "test-host:worker-2";
    ReleasePlan releasePlan = Fixtures.plan("run-1", true);
    dev.fuse.release.contract.model.ApprovalPolicy approvalPolicy =
            dev.fuse.release.contract.model.ApprovalPolicy.defaults();

    WorkflowTestBed() {
        SearchAttributes.definitions().forEach(env::registerSearchAttribute);
        Worker orchestrator = env.newWorker(TaskQueues.ORCHESTRATOR);
        orchestrator.registerWorkflowImplementationTypes(
                ReleaseWorkflowImpl.class, TargetPipelineWorkflowImpl.class, RollbackWorkflowImpl.class);
        orchestrator.registerActivitiesImplementations(plan, metadata, policy, routing, notifications);
        // Only the signer publishes and rolls back: a release that asked the orchestrator would never finish.
        env.newWorker(TaskQueues.SIGNER).registerActivitiesImplementations(publish, rollback);
        env.newWorker(TaskQueues.forWorker("linux-x64", OTHER_WORKER)).registerActivitiesImplementations(otherWorker);
        for (Target t : Target.values()) {
            env.newWorker(TaskQueues.forTarget(t))
                    .registerActivitiesImplementations(build, verify, reproducibility, measure, parity);
        }
        when(notifications.endpoints()).thenReturn(List.of());
        when(plan.plan(any())).thenAnswer(inv -> releasePlan);
        when(policy.load(any())).thenAnswer(inv -> approvalPolicy);
        when(build.buildTarget(any()))
                .thenAnswer(inv -> Fixtures.built(
                        inv.getArgument(0),
                        inv.<TargetBuildRequest>getArgument(0).target() != Target.LINUX_X64));
        when(build.buildExtension(any())).thenAnswer(inv -> Fixtures.vsix(releasePlan));
        when(reproducibility.check(any())).thenAnswer(inv -> Fixtures.reproduced(inv.getArgument(0), false));
        when(verify.verifyStaged(any()))
                .thenAnswer(inv -> new VerifyResult(
                        List.of("ok"),
                        Fixtures.runtime(
                                Target.parse(inv.<dev.fuse.release.contract.model.VerifyRequest>getArgument(0)
                                        .artifacts()
                                        .get(0)
                                        .target()),
                                List.of())));
        when(measure.measure(any()))
                .thenAnswer(inv ->
                        Fixtures.measured(inv.<MeasureRequest>getArgument(0).target(), 10));
        when(parity.run(any()))
                .thenAnswer(
                        inv -> Fixtures.parity(inv.<ParityRequest>getArgument(0).target(), 0));
        when(metadata.writeSloReport(any()))
                .thenAnswer(inv -> new SloReportResult(
                        new ArtifactRef(
                                Fixtures.BUCKET,
                                releasePlan.stagingPrefix() + "slo-report.json",
                                Fixtures.sha('j'),
                                9000),
                        new ArtifactRef(
                                Fixtures.BUCKET,
                                releasePlan.stagingPrefix() + "report.html",
                                Fixtures.sha('h'),
                                20000)));
        when(metadata.recordTarget(any())).thenAnswer(inv -> {
            dev.fuse.release.contract.model.RecordTargetRequest r = inv.getArgument(0);
            return new dev.fuse.release.contract.model.TargetRecordRef(r.target(), Fixtures.sha('r'), 3000);
        });
        when(metadata.generate(any())).thenAnswer(inv -> Fixtures.metadata(releasePlan));
        when(publish.publish(any())).thenReturn(new PublishResult("releases/0.4.0/", List.of(), true));
    }

    /** Endpoints with these labels, each answering every delivery with {@code answer}. */
    void notifyTo(List<String> labels, DeliveryAttempt answer) {
        when(notifications.endpoints()).thenReturn(labels);
        when(notifications.deliver(any())).thenReturn(answer);
    }

    /** The first build of {@code target} fails for good (a build command exited non-zero); later ones succeed. */
    void failFirstBuildOf(Target target) {
        java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
        org.mockito.Mockito.doAnswer(inv -> {
                    TargetBuildRequest r = inv.getArgument(0);
                    if (r.target() == target && builds.incrementAndGet() == 1) {
                        throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
                                "build step 'aot' for " + target.id() + " exited with status 1",
                                dev.fuse.release.contract.FailureType.BUILD_COMMAND_FAILED.name());
                    }
                    return Fixtures.built(r, false);
                })
                .when(build)
                .buildTarget(any());
    }

    /** Every build waits (up to 30 s of real time) until the returned latch is counted down. */
    java.util.concurrent.CountDownLatch holdBuilds() {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        org.mockito.Mockito.doAnswer(inv -> {
                    held.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    return Fixtures.built(inv.getArgument(0), false);
                })
                .when(build)
                .buildTarget(any());
        return held;
    }

    void start() {
        env.start();
    }

    /** Starts the environment and one release; returns its stub. */
    ReleaseWorkflow startRelease(ReleaseRequest request) {
        start();
        ReleaseWorkflow release = newRelease(request);
        io.temporal.client.WorkflowClient.start(release::run, request);
        return release;
    }

    ReleaseWorkflow newRelease(ReleaseRequest request) {
        return env.getWorkflowClient()
                .newWorkflowStub(
                        ReleaseWorkflow.class,
                        WorkflowOptions.newBuilder()
                                .setWorkflowId(request.workflowId())
                                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                                .build());
    }

    /** A decision on exactly what {@code status} shows as staged: its manifest and gate evidence digests. */
    static dev.fuse.release.contract.model.ApprovalDecision decision(String who, String why, ReleaseStatus status) {
        return new dev.fuse.release.contract.model.ApprovalDecision(
                who,
                why,
                status.metadata().manifest().sha256(),
                status.evidence().reports() == null
                        ? null
                        : status.evidence().reports().json().sha256(),
                null);
    }

    /** Polls the status query (real time; mocks answer in milliseconds) until the phase is reached. */
    /** The fixture request for linux-x64 alone, with a heartbeat timeout (null: the default). */
    static ReleaseRequest linuxOnly(Long heartbeatTimeoutSeconds) {
        ReleaseRequest base = Fixtures.request();
        return ReleaseRequest.builder(base.version(), base.repository(), base.revision())
                .targets(List.of("linux-x64"))
                .requestedBy(base.requestedBy())
                .approvalTimeoutSeconds(base.approvalTimeoutSeconds())
                .staticTargets(List.of())
                .heartbeatTimeoutSeconds(heartbeatTimeoutSeconds)
                .build();
    }

    static ReleaseStatus awaitPhase(ReleaseWorkflow release, Phase phase) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ReleaseStatus status = null;
        while (System.nanoTime() < deadline) {
            status = release.status();
            if (status.phase() == phase) return status;
            Thread.sleep(20);
        }
        throw new AssertionError("release never reached " + phase + "; last status " + status);
    }

    static ReleaseStatus awaitFailed(ReleaseWorkflow release, Target target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ReleaseStatus status = null;
        while (System.nanoTime() < deadline) {
            status = release.status();
            if (status.targets().stream().anyMatch(t -> t.target() == target && t.stage() == Stage.FAILED)
                    && status.targets().stream()
                            .noneMatch(t -> t.stage() != Stage.FAILED && t.stage() != Stage.STAGED)) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(target + " never failed; last status " + status);
    }

    /**
     * The release starts waiting for operators in the workflow task that follows the child's
     * failure; an Update that arrives a moment earlier is refused as "not waiting", so try again.
     * Any other outcome (accepted, or another refusal) is returned or thrown as it is.
     */
    static void accepted(java.util.concurrent.Callable<?> update) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                update.call();
                return;
            } catch (WorkflowUpdateException e) {
                if (attempt >= 50 || !String.valueOf(e.getCause().getMessage()).contains("only a release waiting"))
                    throw e;
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() {
        env.close();
    }
}
