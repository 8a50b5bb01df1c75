package dev.fuse.release.app;

import dev.fuse.release.approval.PolicyException;
import dev.fuse.release.cli.CliContext;
import dev.fuse.release.cli.CliException;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.cli.FuseReleaseCli;
import dev.fuse.release.cli.HelpOption;
import dev.fuse.release.client.TemporalConnection;
import dev.fuse.release.metrics.MetricsServer;
import dev.fuse.release.metrics.MetricsSettings;
import dev.fuse.release.metrics.Readiness;
import dev.fuse.release.metrics.StageMetrics;
import dev.fuse.release.metrics.WorkerMetrics;
import dev.fuse.release.secrets.WorkerSecrets;
import dev.fuse.release.worker.ReleaseWorker;
import dev.fuse.release.worker.WorkerConfig;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "worker",
        description = {
            "Run a worker against the configured Temporal and S3 until interrupted.",
            "Queues: FUSE_RELEASE_ORCHESTRATOR (default true), FUSE_RELEASE_TARGETS (default: this host's target),",
            "FUSE_RELEASE_EMULATE (dev only), FUSE_RELEASE_WORK_DIR, FUSE_RELEASE_ALLOW_EMULATED_PUBLISH."
        })
public class WorkerCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        WorkerConfig config;
        MetricsSettings metricsAt;
        try {
            config = WorkerConfig.fromEnvironment(ctx.env());
            metricsAt = MetricsSettings.parse(ctx.env().get("FUSE_RELEASE_METRICS_ADDRESS"));
            MetricsSettings.checkLogFormat(ctx.env().get("FUSE_RELEASE_LOG_FORMAT"));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
        ctx.store().checkAccess();
        WorkerSecrets.registerFrom(ctx.env());
        WorkerMetrics metrics = metricsAt == null ? null : new WorkerMetrics();
        TemporalConnection temporal =
                TemporalConnection.connect(ctx.env(), metrics == null ? null : metrics.sdkScope());
        ReleaseWorker worker;
        try {
            worker = new ReleaseWorker(
                    temporal.client(),
                    ctx.store(),
                    config,
                    metrics == null ? List.of() : List.of(new StageMetrics(metrics.registry())));
        } catch (IOException | PolicyException e) {
            temporal.close();
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
        // Before the shutdown hook: a taken port ends the command with its own exit code.
        MetricsServer server = metrics == null
                ? null
                : serveMetrics(metricsAt, metrics, new Readiness(worker::polling, temporal.stubs()), temporal);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopGracefully(ctx, worker, temporal, config)));
        worker.start();
        ctx.out()
                .println("worker connected to Temporal " + temporal.address() + " (" + temporal.namespace()
                        + "), store " + ctx.store().describe());
        worker.queues().forEach(q -> ctx.out().println("  polling " + q));
        if (server != null) {
            ctx.out().println("  metrics " + server.url() + "/metrics, health /healthz, readiness /readyz");
        }
        ctx.out()
                .println("Ctrl-C or SIGTERM to stop (running activities get "
                        + config.shutdownGrace().toSeconds() + " s to finish, then run again elsewhere).");
        ctx.out().flush();
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    /** Serves until the process ends; a port already taken is a bad setting, said in one line. */
    private static MetricsServer serveMetrics(
            MetricsSettings at, WorkerMetrics metrics, Readiness readiness, TemporalConnection temporal) {
        try {
            return new MetricsServer(at, metrics.registry(), readiness);
        } catch (IOException e) {
            temporal.close();
            throw new CliException(
                    ExitCodes.BAD_INPUT,
                    "cannot serve metrics on FUSE_RELEASE_METRICS_ADDRESS " + at.host() + ":" + at.port() + ": "
                            + e.getMessage() + "; choose a free port");
        }
    }

    /**
     * SIGTERM (systemd, Kubernetes, a deploy) or Ctrl-C: no new work, running activities get the
     * grace, the rest is handed back; then exit 0, where the JVM's default for a signal is 143.
     */
    private static void stopGracefully(
            CliContext ctx, ReleaseWorker worker, TemporalConnection temporal, WorkerConfig config) {
        ctx.out()
                .println("stopping: no new work taken; handing back what does not finish within "
                        + config.shutdownGrace().toSeconds() + " s");
        ctx.out().flush();
        worker.close(config.shutdownGrace());
        temporal.close();
        ctx.out().println("worker stopped");
        ctx.out().flush();
        Runtime.getRuntime().halt(ExitCodes.OK);
    }
}
