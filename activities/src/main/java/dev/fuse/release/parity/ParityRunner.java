package dev.fuse.release.parity;

import dev.fuse.release.checkout.ReleaseCheckout;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.ParityRequest;
import dev.fuse.release.contract.model.ParityResult;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.packaging.StagedBinary;
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
import java.util.List;
import java.util.Map;

/**
 * Runs the recipe's parity suite against the staged AOT binary and reads its JUnit report. The
 * report decides, not the exit code: suites exit non-zero on divergences, and a missing or
 * malformed report is itself a failure.
 */
public final class ParityRunner {
    private final ArtifactStore store;
    private final Path workRoot;

    public ParityRunner(ArtifactStore store, Path workRoot) {
        this.store = store;
        this.workRoot = workRoot;
    }

    /** The suite loads the host like a build: it must not run during another target's measurement. */
    private static CommandRunner.Outcome runSuite(
            List<String> argv, Path checkout, Map<String, String> env, Recipe.Parity spec, Path log, Runnable heartbeat)
            throws IOException, InterruptedException {
        return HostLock.duringBuild(
                heartbeat,
                () -> CommandRunner.run(
                        argv, checkout, env, Duration.ofSeconds(spec.timeoutSeconds()), log, heartbeat));
    }

    public ParityResult run(ParityRequest request, Runnable heartbeat) throws IOException, InterruptedException {
        ReleasePlan plan = request.plan();
        String target = request.target().id();
        try (Workspace ws = Workspace.create(workRoot, plan.version() + "-" + target + "-parity")) {
            ReleaseCheckout.Opened opened = ReleaseCheckout.open(plan, ws);
            Path checkout = opened.tree();
            Recipe.Parity spec = opened.recipe().parity();
            Path binary = StagedBinary.extract(store, request.aot(), ws.dir("aot"));
            Path report = ws.dir("report").resolve("parity-junit.xml");
            Map<String, String> values = Map.of(
                    "aot",
                    binary.toString(),
                    "report",
                    report.toString(),
                    "target",
                    target,
                    "version",
                    plan.version(),
                    "exe",
                    request.target().executableSuffix(),
                    "out",
                    ws.dir("out").toString());
            List<String> argv =
                    spec.run().stream().map(a -> Placeholders.expand(a, values)).toList();
            Path log = ws.dir("logs").resolve("parity.log");
            Map<String, String> env =
                    StepEnvironment.forRecipe(ws.root(), opened.recipe().environment(), plan.sourceDateEpoch());
            CommandRunner.Outcome outcome = runSuite(argv, checkout, env, spec, log, heartbeat);
            ArtifactRef logRef = store.putFile(StoreLayout.log(plan.version(), plan.runId(), target, "parity"), log);
            JUnitReport.Summary summary;
            try {
                summary = JUnitReport.read(report);
            } catch (IOException e) {
                throw new PipelineException(
                        FailureType.PARITY_REPORT_INVALID,
                        "parity suite for " + target + ": " + e.getMessage() + " (exit " + outcome.exitCode()
                                + ", log s3://" + logRef.bucket() + "/" + logRef.key() + "); last lines:\n"
                                + outcome.tail(),
                        e);
            }
            ArtifactRef reportRef = store.putFile(
                    "logs/" + plan.version() + "/" + plan.runId() + "/" + target + "/parity-junit.xml", report);
            return new ParityResult(
                    request.target(), summary.tests(), summary.failures().size(), summary.failures(), reportRef);
        }
    }
}
