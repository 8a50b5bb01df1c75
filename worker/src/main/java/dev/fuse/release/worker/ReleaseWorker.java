package dev.fuse.release.worker;

import dev.fuse.release.adapter.ApprovalPolicyActivitiesImpl;
import dev.fuse.release.adapter.BuildActivitiesImpl;
import dev.fuse.release.adapter.MeasureActivitiesImpl;
import dev.fuse.release.adapter.MetadataActivitiesImpl;
import dev.fuse.release.adapter.NotificationActivitiesImpl;
import dev.fuse.release.adapter.ParityActivitiesImpl;
import dev.fuse.release.adapter.PlanActivitiesImpl;
import dev.fuse.release.adapter.PublishActivitiesImpl;
import dev.fuse.release.adapter.ReproducibilityActivitiesImpl;
import dev.fuse.release.adapter.RollbackActivitiesImpl;
import dev.fuse.release.adapter.RoutingActivitiesImpl;
import dev.fuse.release.adapter.ShutdownGrace;
import dev.fuse.release.adapter.VerifyActivitiesImpl;
import dev.fuse.release.approval.ApprovalPolicyFile;
import dev.fuse.release.approval.PolicyException;
import dev.fuse.release.build.ReproducibilityChecker;
import dev.fuse.release.build.TargetBuilder;
import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.host.BuildHostPolicy;
import dev.fuse.release.host.HostClass;
import dev.fuse.release.measure.Measurer;
import dev.fuse.release.metadata.MetadataWriter;
import dev.fuse.release.metadata.TargetRecords;
import dev.fuse.release.parity.ParityRunner;
import dev.fuse.release.plan.Planner;
import dev.fuse.release.publish.Publisher;
import dev.fuse.release.publish.Rollback;
import dev.fuse.release.report.SloReportWriter;
import dev.fuse.release.routing.WorkerRegistry;
import dev.fuse.release.signing.ReleaseSigningKey;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.support.WorkerDirectory;
import dev.fuse.release.verify.StagedVerifier;
import dev.fuse.release.workflow.ReleaseWorkflowImpl;
import dev.fuse.release.workflow.RollbackWorkflowImpl;
import dev.fuse.release.workflow.TargetPipelineWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires workflows and activities onto the task queues a {@link WorkerConfig} names. */
public final class ReleaseWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReleaseWorker.class);

    /**
     * A cancellation reaches a running activity only in the answer to a heartbeat, and the SDK
     * otherwise sends heartbeats at most every 0.8 x the heartbeat timeout (48 s for our one
     * minute): a cancelled build would go on for most of a minute. One heartbeat RPC per running
     * activity every 3 s costs nothing next to a build.
     */
    static final Duration HEARTBEAT_THROTTLE = Duration.ofSeconds(3);

    private final WorkerFactory factory;
    private final WorkerDirectory workDir;
    private final List<String> queues = new ArrayList<>();
    private Announcer announcer;

    /**
     * @throws IOException when the signer's release key cannot be read
     * @throws PolicyException when its approval policy file is invalid (every problem listed): a
     *     worker refuses to start rather than fail releases later
     */
    public ReleaseWorker(WorkflowClient client, ArtifactStore store, WorkerConfig config)
            throws IOException, PolicyException {
        this(client, store, config, List.of());
    }

    /** @param interceptors around every workflow and activity this worker runs (metrics) */
    public ReleaseWorker(
            WorkflowClient client, ArtifactStore store, WorkerConfig config, List<WorkerInterceptor> interceptors)
            throws IOException, PolicyException {
        this.factory = WorkerFactory.newInstance(
                client,
                WorkerFactoryOptions.newBuilder()
                        // The test server never moves a task off a dead worker's sticky queue: no cache there.
                        .setWorkflowCacheSize(config.devStack() ? 0 : 600)
                        .setWorkerInterceptors(interceptors.toArray(WorkerInterceptor[]::new))
                        .build());
        // Workspaces live in this process's own folder; those of a killed predecessor are removed now.
        this.workDir = WorkerDirectory.claim(config.workDir());
        Path work = workDir.path();
        WorkerOptions.Builder options = WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
                .setDefaultHeartbeatThrottleInterval(HEARTBEAT_THROTTLE);
        if (config.devStack()) {
            // Even without a cache the SDK asks for its sticky queue, and the test server never
            // moves a task off the sticky queue of a worker that was killed: no sticky queue at all.
            options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
        }
        if (config.orchestrator()) {
            registerOrchestrator(store, config, work, options.build());
        }
        if (config.signer()) {
            registerSigner(store, config, work, options.build());
        }
        if (!config.targets().isEmpty()) {
            String name = workerName();
            registerTargets(store, config, work, name, options.build());
            announcer =
                    new Announcer(new WorkerRegistry(store, Clock.systemUTC()), List.copyOf(config.targets()), name);
        }
    }

    /** Each platform's build work on its queue, and this worker's own queue for independent rebuilds. */
    private void registerTargets(
            ArtifactStore store, WorkerConfig config, Path work, String name, WorkerOptions options) {
        BuildHostPolicy hosts = new BuildHostPolicy(HostClass.current(), config.emulated());
        TargetBuilder builder = new TargetBuilder(store, hosts, work);
        StagedVerifier verifier = new StagedVerifier(store, work);
        ReproducibilityChecker reproducibility = new ReproducibilityChecker(builder, store);
        Measurer measurer = new Measurer(store, hosts, work);
        ParityRunner parity = new ParityRunner(store, work);
        for (String platform : config.targets()) {
            Worker w = factory.newWorker(TaskQueues.forPlatform(platform), options);
            w.registerActivitiesImplementations(
                    new BuildActivitiesImpl(builder, name),
                    new VerifyActivitiesImpl(verifier),
                    new ReproducibilityActivitiesImpl(reproducibility, name),
                    new MeasureActivitiesImpl(measurer),
                    new ParityActivitiesImpl(parity));
            queues.add(TaskQueues.forPlatform(platform)
                    + (platform.equals(hosts.hostClass()) ? "" : " (emulated on " + hosts.hostClass() + ")"));
            // Its own queue: where another worker's release sends an independent rebuild.
            factory.newWorker(TaskQueues.forWorker(platform, name), options)
                    .registerActivitiesImplementations(new ReproducibilityActivitiesImpl(reproducibility, name));
        }
    }

    /** This worker's name: its host and its work folder, unique among running workers. */
    private String workerName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
        }
        return WorkerRegistry.workerName(host, workDir.path().getFileName().toString());
    }

    /** The release, pipeline and rollback workflows and the activities that run beside them. */
    private void registerOrchestrator(ArtifactStore store, WorkerConfig config, Path work, WorkerOptions options)
            throws PolicyException {
        ApprovalPolicyFile.load(config.orchestration().approvalPolicy());
        Worker w = factory.newWorker(TaskQueues.ORCHESTRATOR, options);
        w.registerWorkflowImplementationTypes(
                ReleaseWorkflowImpl.class, TargetPipelineWorkflowImpl.class, RollbackWorkflowImpl.class);
        w.registerActivitiesImplementations(
                new PlanActivitiesImpl(
                        new Planner(store, work, config.orchestration().allowEmulatedPublish())),
                new MetadataActivitiesImpl(
                        new MetadataWriter(store), new SloReportWriter(store), new TargetRecords(store)),
                new ApprovalPolicyActivitiesImpl(config.orchestration().approvalPolicy()),
                new NotificationActivitiesImpl(config.orchestration().notifications(), store),
                new RoutingActivitiesImpl(new WorkerRegistry(store, Clock.systemUTC())));
        queues.add(TaskQueues.ORCHESTRATOR);
    }

    /**
     * Publication and rollback, the work that signs, on the signer's queue. A worker that is also
     * the orchestrator serves them on its queue too, for runs recorded before the signer had one.
     */
    private void registerSigner(ArtifactStore store, WorkerConfig config, Path work, WorkerOptions options)
            throws IOException, PolicyException {
        ReleaseSigningKey signingKey =
                ReleaseSigningKey.load(config.orchestration().signingKey());
        Path policy = config.orchestration().approvalPolicy();
        ApprovalPolicyFile.load(policy);
        TargetRecords records = new TargetRecords(store);
        List<String> signerQueues = config.orchestrator()
                ? List.of(TaskQueues.SIGNER, TaskQueues.ORCHESTRATOR)
                : List.of(TaskQueues.SIGNER);
        for (String queue : signerQueues) {
            Worker existing = factory.tryGetWorker(queue);
            (existing != null ? existing : factory.newWorker(queue, options))
                    .registerActivitiesImplementations(
                            new PublishActivitiesImpl(new Publisher(store, work, signingKey), records),
                            new RollbackActivitiesImpl(new Rollback(store, signingKey), policy));
        }
        queues.add(TaskQueues.SIGNER);
    }

    public void start() {
        factory.start();
        if (announcer != null) announcer.start();
        log.info("worker polling {}", queues);
    }

    /** Started and not shutting down: its pollers are asking for work. */
    public boolean polling() {
        return factory.isStarted() && !factory.isShutdown();
    }

    public List<String> queues() {
        return List.copyOf(queues);
    }

    @Override
    public void close() {
        close(WorkerConfig.DEFAULT_SHUTDOWN_GRACE);
    }

    /**
     * Stops polling, lets running activities finish within {@code grace} and hands the rest back
     * (their next attempt runs on another worker at once, see {@link ShutdownGrace}).
     */
    public void close(Duration grace) {
        if (announcer != null) announcer.close();
        ShutdownGrace.begin(grace);
        factory.shutdown();
        // Past the grace, activities end at their next heartbeat (every 3 s) and report it.
        Duration reportTime = grace.plus(HEARTBEAT_THROTTLE.multipliedBy(3));
        factory.awaitTermination(reportTime.toMillis(), TimeUnit.MILLISECONDS);
        if (!factory.isTerminated()) {
            log.warn("activities still running {} after the stop; interrupting them", reportTime);
            factory.shutdownNow();
            factory.awaitTermination(10, TimeUnit.SECONDS);
        }
        try {
            workDir.close();
        } catch (IOException e) {
            log.warn("could not remove the work folder {}: {}", workDir.path(), e.getMessage());
        }
    }
}
