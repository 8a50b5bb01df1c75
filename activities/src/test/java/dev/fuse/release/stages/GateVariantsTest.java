package dev.fuse.release.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.build.TargetBuilder;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.GateReport;
import dev.fuse.release.contract.model.GateResult;
import dev.fuse.release.contract.model.MeasureRequest;
import dev.fuse.release.contract.model.ParityRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.TargetBuildResult;
import dev.fuse.release.contract.model.TargetPipelineResult;
import dev.fuse.release.contract.model.VerifyRequest;
import dev.fuse.release.git.ExampleRepository;
import dev.fuse.release.host.BuildHostPolicy;
import dev.fuse.release.measure.Measurer;
import dev.fuse.release.parity.ParityRunner;
import dev.fuse.release.plan.Planner;
import dev.fuse.release.policy.GateEvaluator;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import dev.fuse.release.verify.StagedVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variants of the example that each break one SLO gate, taken through the real stages of a
 * linux-x64 pipeline (plan, build with cc, verify the staged binary, measure, parity) on plain
 * classes and judged by the workflow's own {@link GateEvaluator}: each fails exactly its gate.
 * What a NO-GO does to a release (status, evidence, nothing published) is {@code SloGatesIT}'s;
 * that the example as it is passes every gate, every end-to-end release that reaches approval shows.
 */
class GateVariantsTest {
    static final Path TOOLCHAIN_CACHE = Path.of("target/fixture-toolchain-cache");

    static final Path EXAMPLE =
            Path.of("../examples/fuse-hello").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void anAotStartSlowerThanTheJitBaselineFailsTheColdStartGates() throws Exception {
        GateReport gates = judge(tree -> replace(
                tree.resolve("src/hello_http.c"),
                "  trace(\"listening\");",
                "  usleep(1500000);\n  trace(\"listening\");"));

        assertThat(failing(gates)).containsExactly("cold-start-p50", "cold-start-p95");
        assertThat(gates.noGoSummary()).contains("linux-x64 cold-start-p50").contains("AOT 15");
    }

    @Test
    void a26MiBBinaryFailsTheSizeGate() throws Exception {
        GateReport gates = judge(tree -> {
            replace(
                    tree.resolve("src/hello_http.c"),
                    "static const char BODY[] = \"Hello from Fuse\\n\";",
                    "static const char BODY[] = \"Hello from Fuse\\n\";\n"
                            + "static const volatile char PAD[26 << 20] = {1};");
            replace(
                    tree.resolve("src/hello_http.c"),
                    "  tracing = env_is(",
                    "  if (getenv(\"FUSE_PAD\")) putchar(PAD[1]);\n  tracing = env_is(");
        });

        assertThat(failing(gates)).containsExactly("stripped-size");
        assertThat(gates.noGoSummary()).contains("<= 25000000 B");
    }

    @Test
    void aBinaryWithoutTheContractKeyFailsTheBuildMetadataGate() throws Exception {
        GateReport gates = judge(tree -> {
            replace(tree.resolve("src/hello_http.c"), "\\\"contract\\\":\\\"%s\\\",", "");
            replace(tree.resolve("src/hello_http.c"), "FUSE_CONTRACT, FUSE_LINKAGE);", "FUSE_LINKAGE);");
        });

        assertThat(failing(gates)).containsExactly("build-metadata");
        assertThat(gates.noGoSummary()).contains("build info lacks key 'contract'");
    }

    @Test
    void aBuildOverItsTimeBudgetFailsTheBuildTimeGate() throws Exception {
        GateReport gates = judge(tree -> {
            replace(
                    tree.resolve("fuse-release.json"),
                    "  \"build\": [\n",
                    "  \"build\": [\n    { \"name\": \"slow\", \"run\": [\"sleep\", \"2\"], \"timeoutSeconds\": 60 },\n");
            replace(
                    tree.resolve("release-contract.json"),
                    "\"buildTimeP95MaxSeconds\": 600",
                    "\"buildTimeP95MaxSeconds\": 1");
        });

        assertThat(failing(gates)).containsExactly("build-time-p95");
        assertThat(gates.noGoSummary()).contains("(needs <= 1 s)");
    }

    /** The variant through plan, build, verify, measure and parity, judged as the release judges it. */
    private GateReport judge(ExampleRepository.Edit variant) throws Exception {
        ArtifactStore store = new ArtifactStore(new InMemoryObjectStore("fuse-releases"));
        Path repo = dir.resolve("repo");
        ExampleRepository.prepare(EXAMPLE, repo, tree -> {
            replace(tree.resolve("fuse-release.json"), "\"coldStartRuns\": 20", "\"coldStartRuns\": 1");
            // One warm-up: the fixture's JIT compiles its classes once, on its first start.
            replace(tree.resolve("fuse-release.json"), "\"warmupRuns\": 2", "\"warmupRuns\": 1");
            ExampleRepository.sharedToolchainCache(TOOLCHAIN_CACHE).apply(tree);
            variant.apply(tree);
        });
        Path work = dir.resolve("work");
        ReleaseRequest request = ReleaseRequest.builder("0.9.0", repo.toString(), "main")
                .targets(List.of("linux-x64"))
                .requestedBy("gatekeeper")
                .approvalTimeoutSeconds(60)
                .build();
        ReleasePlan plan = new Planner(store, work, true).plan(request, "fuse-release-0.9.0", "run-1");
        TargetBuildResult built = new TargetBuilder(store, BuildHostPolicy.nativeOnly(), work)
                .build(new TargetBuildRequest(plan, Target.LINUX_X64), () -> {});
        Artifact aot = built.artifacts().stream()
                .filter(a -> a.type() == ArtifactType.AOT)
                .findFirst()
                .orElseThrow();
        TargetPipelineResult result = new TargetPipelineResult(
                built,
                new StagedVerifier(store, work).verify(new VerifyRequest("0.9.0", built.artifacts()), () -> {}),
                null,
                new Measurer(store, BuildHostPolicy.nativeOnly(), work)
                        .measure(new MeasureRequest(plan, Target.LINUX_X64, aot, built.buildMillis()), () -> {}),
                new ParityRunner(store, work).run(new ParityRequest(plan, Target.LINUX_X64, aot), () -> {}));
        return GateEvaluator.evaluate(plan.slo(), List.of(result.targetEvidence()));
    }

    private static List<String> failing(GateReport gates) {
        return gates.failing().stream().map(GateResult::gate).toList();
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) throw new IllegalStateException(file + " no longer contains: " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
