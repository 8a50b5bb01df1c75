package dev.fuse.release.build;

import dev.fuse.release.checkout.ReleaseCheckout;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.BuildHost;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.StepResult;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.TargetBuildResult;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.host.BuildHostPolicy;
import dev.fuse.release.packaging.ArtifactPackager;
import dev.fuse.release.packaging.BadArchiveException;
import dev.fuse.release.packaging.ConfinedFiles;
import dev.fuse.release.process.CommandRunner;
import dev.fuse.release.recipe.Placeholders;
import dev.fuse.release.recipe.Recipe;
import dev.fuse.release.secrets.StepEnvironment;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.HostLock;
import dev.fuse.release.support.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds one target from the frozen plan on this host: clean checkout, recipe commands, packaging,
 * verification, staging. Temporal-free so that it is tested directly; the activity adapts it.
 */
public final class TargetBuilder {
    private final ArtifactStore store;
    private final BuildHostPolicy hosts;
    private final Path workRoot;

    public TargetBuilder(ArtifactStore store, BuildHostPolicy hosts, Path workRoot) {
        this.store = store;
        this.hosts = hosts;
        this.workRoot = workRoot;
    }

    public TargetBuildResult build(TargetBuildRequest request, Runnable heartbeat)
            throws IOException, InterruptedException {
        ReleasePlan plan = request.plan();
        Target target = request.target();
        BuildHost host = hosts.hostFor(target);
        try (Workspace ws = Workspace.create(workRoot, plan.version() + "-" + target.id())) {
            Built built = HostLock.duringBuild(heartbeat, () -> buildIn(ws, plan, target, "", heartbeat));
            List<Artifact> artifacts =
                    new ArtifactStaging(store, plan, host).stageWhileVerifying(target.id(), built.written(), heartbeat);
            return new TargetBuildResult(target, host, built.steps(), artifacts, built.buildMillis());
        }
    }

    /**
     * Builds the target again in its own fresh workspace (another path, same host class) and hands
     * the archives to {@code inspect} before the workspace is deleted. Nothing is staged; logs go
     * to {@code <step>-rebuild.log}.
     */
    public <T> T rebuild(ReleasePlan plan, Target target, Runnable heartbeat, RebuiltInspector<T> inspect)
            throws IOException, InterruptedException {
        hosts.hostFor(target);
        try (Workspace ws = Workspace.create(workRoot, plan.version() + "-" + target.id() + "-rebuild")) {
            Built built = HostLock.duringBuild(heartbeat, () -> buildIn(ws, plan, target, "-rebuild", heartbeat));
            List<ArtifactPackager.Packaged> packaged = new ArrayList<>();
            for (ArtifactPackager.Written archive : built.written()) {
                packaged.add(ArtifactStaging.verify(archive));
            }
            return inspect.inspect(packaged, ws);
        }
    }

    /** Looks at rebuilt archives while their workspace still exists. */
    @FunctionalInterface
    public interface RebuiltInspector<T> {
        T inspect(List<ArtifactPackager.Packaged> packaged, Workspace workspace) throws IOException;
    }

    private record Built(List<StepResult> steps, List<ArtifactPackager.Written> written, long buildMillis) {}

    private Built buildIn(Workspace ws, ReleasePlan plan, Target target, String logSuffix, Runnable heartbeat)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        ReleaseCheckout.Opened opened = ReleaseCheckout.open(plan, ws);
        Path checkout = opened.tree();
        Recipe recipe = opened.recipe();
        Path out = ws.dir("out");
        Map<String, String> values = ArtifactPackager.placeholders(target, plan.version(), out);
        Steps context =
                new Steps(checkout, values, stepEnvironment(ws, plan, target, recipe), ws.dir("logs"), logSuffix);
        List<StepResult> steps = new ArrayList<>();
        for (Recipe.BuildStep step : recipe.build()) {
            heartbeat.run();
            steps.add(runStep(plan, target, step, context, heartbeat));
        }
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        Path dist = ws.dir("dist");
        // Members may come from the build's output and the checkout, both inside the workspace.
        ConfinedFiles confined = new ConfinedFiles(ws.root());
        List<ArtifactPackager.Written> written = new ArrayList<>();
        for (ArtifactType type : List.of(ArtifactType.CLI, ArtifactType.AOT)) {
            heartbeat.run();
            try {
                written.add(ArtifactPackager.writeTarget(
                        type,
                        recipe.artifacts().get(type),
                        checkout,
                        values,
                        target,
                        plan.version(),
                        plan.sourceDateEpoch(),
                        dist,
                        confined));
            } catch (BadArchiveException e) {
                throw new PipelineException(FailureType.BAD_ARCHIVE, e.getMessage(), e);
            }
        }
        return new Built(steps, written, buildMillis);
    }

    public Artifact buildExtension(ReleasePlan plan, Runnable heartbeat) throws IOException {
        BuildHost host = new BuildHost(hosts.hostClass(), false);
        try (Workspace ws = Workspace.create(workRoot, plan.version() + "-vscode")) {
            ReleaseCheckout.Opened opened = ReleaseCheckout.open(plan, ws);
            Path checkout = opened.tree();
            Recipe recipe = opened.recipe();
            heartbeat.run();
            ArtifactPackager.Packaged packaged;
            try {
                packaged = ArtifactPackager.packageExtension(
                        recipe.artifacts().get(ArtifactType.VSCODE),
                        checkout,
                        plan.version(),
                        plan.sourceDateEpoch(),
                        ws.dir("dist"));
            } catch (BadArchiveException e) {
                throw new PipelineException(FailureType.BAD_ARCHIVE, e.getMessage(), e);
            }
            return new ArtifactStaging(store, plan, host).stageVerified(null, packaged);
        }
    }

    /** What every step of one build shares: where it runs, its placeholders, environment and logs. */
    private record Steps(
            Path checkout, Map<String, String> values, Map<String, String> env, Path logs, String suffix) {}

    /** A clean environment (never the worker's) with the release's own variables. */
    private static Map<String, String> stepEnvironment(Workspace ws, ReleasePlan plan, Target target, Recipe recipe)
            throws IOException {
        Map<String, String> own = new TreeMap<>();
        own.put("SOURCE_DATE_EPOCH", Long.toString(plan.sourceDateEpoch()));
        own.put("FUSE_RELEASE_VERSION", plan.version());
        own.put("FUSE_RELEASE_TARGET", target.id());
        return StepEnvironment.of(ws.root(), System.getenv(), recipe.environment(), own);
    }

    private StepResult runStep(
            ReleasePlan plan, Target target, Recipe.BuildStep step, Steps context, Runnable heartbeat)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(step.run().stream()
                .map(a -> Placeholders.expand(a, context.values()))
                .toList());
        if (plan.linksStatically(target)) {
            step.staticArgs().forEach(a -> argv.add(Placeholders.expand(a, context.values())));
        }
        String logName = step.name() + context.suffix();
        Path logFile = context.logs().resolve(logName + ".log");
        CommandRunner.Outcome outcome = CommandRunner.run(
                argv, context.checkout(), context.env(), Duration.ofSeconds(step.timeoutSeconds()), logFile, heartbeat);
        String logKey = StoreLayout.log(plan.version(), plan.runId(), target.id(), logName);
        ArtifactRef log = store.putFile(logKey, logFile);
        if (!outcome.succeeded()) {
            String why = outcome.timedOut()
                    ? "timed out after " + step.timeoutSeconds() + " s"
                    : "exited with status " + outcome.exitCode() + " after " + outcome.durationMillis() + " ms";
            throw new PipelineException(
                    FailureType.BUILD_COMMAND_FAILED,
                    "build step '" + step.name() + "' for " + target.id() + " " + why + " (full log: s3://"
                            + log.bucket() + "/" + log.key() + "); last lines:\n" + outcome.tail());
        }
        return new StepResult(step.name(), outcome.exitCode(), outcome.durationMillis(), log, outcome.tail());
    }
}
