package dev.fuse.release.measure;

import dev.fuse.release.checkout.ReleaseCheckout;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.BuildHost;
import dev.fuse.release.contract.model.ColdStart;
import dev.fuse.release.contract.model.MeasureRequest;
import dev.fuse.release.contract.model.MeasureResult;
import dev.fuse.release.contract.model.MeasurementProtocol;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.host.BuildHostPolicy;
import dev.fuse.release.packaging.StagedBinary;
import dev.fuse.release.policy.Percentiles;
import dev.fuse.release.process.CommandRunner;
import dev.fuse.release.recipe.Placeholders;
import dev.fuse.release.recipe.Recipe;
import dev.fuse.release.secrets.StepEnvironment;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.support.HostLock;
import dev.fuse.release.support.Sha256;
import dev.fuse.release.support.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Takes a target's SLO figures on this host, from the staged AOT binary and the checkout's JIT
 * baseline: cold start (AOT and JIT interleaved, warm-up runs discarded), stripped size, and the
 * build-time history. Holds the host alone while timing.
 */
public final class Measurer {
    private final ArtifactStore store;
    private final BuildHostPolicy hosts;
    private final Path workRoot;

    public Measurer(ArtifactStore store, BuildHostPolicy hosts, Path workRoot) {
        this.store = store;
        this.hosts = hosts;
        this.workRoot = workRoot;
    }

    public MeasureResult measure(MeasureRequest request, Runnable heartbeat) throws IOException, InterruptedException {
        ReleasePlan plan = request.plan();
        BuildHost host = hosts.hostFor(request.target());
        List<Double> history = new BuildTimeHistory(store)
                .append(request.target().id(), plan.runId(), plan.version(), request.buildMillis() / 1000.0);
        try (Workspace ws = Workspace.create(
                workRoot, plan.version() + "-" + request.target().id() + "-measure")) {
            ReleaseCheckout.Opened opened = ReleaseCheckout.open(plan, ws);
            Path checkout = opened.tree();
            Recipe.Measure spec = opened.recipe().measure();
            Path binary = StagedBinary.extract(store, request.aot(), ws.dir("aot"));
            List<String> aotCommand = List.of(binary.toString());
            // The JIT baseline is the recipe's command: a clean environment, never the worker's.
            Map<String, String> env =
                    StepEnvironment.forRecipe(ws.root(), opened.recipe().environment(), plan.sourceDateEpoch());
            Duration timeout = Duration.ofSeconds(spec.readyTimeoutSeconds());
            Optional<Path> probe = NativeProbe.compiled(workRoot.resolve(".probe"));
            return HostLock.exclusively(heartbeat, () -> {
                double loadStart = HostInfo.loadAverage();
                SamplerProcess.Samples samples = SamplerProcess.run(
                        samplerRequest(spec, aotCommand, checkout, timeout, probe), env, ws.dir("sampler"), heartbeat);
                double loadEnd = HostInfo.loadAverage();
                List<String> stripCommand = stripCommand(spec, binary, ws);
                long stripped = strip(stripCommand, checkout, env, ws, heartbeat);
                List<String> commands = List.of(
                        "AOT: PORT=<free> " + String.join(" ", aotCommand),
                        "JIT: PORT=<free> " + String.join(" ", spec.jit()),
                        "strip: " + String.join(" ", stripCommand),
                        probeLine(probe.isPresent(), samples));
                return new MeasureResult(
                        request.target(),
                        coldStart("aot", aotCommand, samples.aot()),
                        coldStart("jit-native", spec.jit(), samples.jit()),
                        Files.size(binary),
                        stripped,
                        Math.round(request.buildMillis() / 1000.0),
                        history,
                        Percentiles.of(history, 95),
                        protocol(request, host, commands, environmentDigest(env), loadStart, loadEnd));
            });
        }
    }

    /** AOT and the recipe's JIT command, in the checkout, by the native probe when there is one. */
    private static ColdStartSampler.Request samplerRequest(
            Recipe.Measure spec, List<String> aot, Path checkout, Duration timeout, Optional<Path> probe) {
        return new ColdStartSampler.Request(
                aot,
                spec.jit(),
                checkout.toString(),
                spec.warmupRuns(),
                spec.coldStartRuns(),
                timeout.toMillis(),
                probe.map(Path::toString).orElse(null));
    }

    private static String probeLine(boolean nativeProbe, SamplerProcess.Samples samples) {
        String probe = nativeProbe
                ? NativeProbe.METHOD + ", started by the worker for each sample"
                : ColdStartMeter.METHOD + ", from a sampler JVM of its own ("
                        + String.join(" ", SamplerProcess.JVM_FLAGS) + ")";
        return String.format(
                Locale.ROOT,
                "probe: %s; resolution (gap between a sample's last two probes) p50 %.1f us, max %.1f us",
                probe,
                Percentiles.of(samples.resolutionMicros(), 50),
                Percentiles.of(samples.resolutionMicros(), 100));
    }

    /** Everything a reader needs to judge the figures: the host, the target, the revision, the commands. */
    private static MeasurementProtocol protocol(
            MeasureRequest request,
            BuildHost host,
            List<String> commands,
            String environmentSha256,
            double loadStart,
            double loadEnd) {
        return new MeasurementProtocol(
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                HostInfo.cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                host.hostClass(),
                host.emulated(),
                request.target().triple(),
                request.plan().commit(),
                commands,
                environmentSha256,
                loadStart,
                loadEnd,
                Percentiles.METHOD);
    }

    private static ColdStart coldStart(String mode, List<String> command, List<Double> samples) {
        return new ColdStart(mode, command, samples, Percentiles.of(samples, 50), Percentiles.of(samples, 95));
    }

    private static List<String> stripCommand(Recipe.Measure spec, Path binary, Workspace ws) throws IOException {
        Path input = ws.dir("strip").resolve("input");
        Files.copy(binary, input, StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> values = Map.of(
                "input",
                input.toString(),
                "output",
                ws.root().resolve("strip/output").toString());
        return spec.strip().stream().map(a -> Placeholders.expand(a, values)).toList();
    }

    /** Strips a copy of the binary (the shipped one is untouched) and returns the stripped size. */
    private static long strip(List<String> command, Path dir, Map<String, String> env, Workspace ws, Runnable heartbeat)
            throws IOException, InterruptedException {
        Path log = ws.dir("strip").resolve("strip.log");
        CommandRunner.Outcome o = CommandRunner.run(command, dir, env, Duration.ofMinutes(2), log, heartbeat);
        Path output = ws.root().resolve("strip/output");
        if (!o.succeeded() || !Files.isRegularFile(output)) {
            throw new PipelineException(
                    FailureType.MEASUREMENT_FAILED,
                    "strip failed (" + String.join(" ", command) + ", exit " + o.exitCode() + "): " + o.tail());
        }
        return Files.size(output);
    }

    static String environmentDigest(Map<String, String> env) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(env)
                .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return Sha256.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
