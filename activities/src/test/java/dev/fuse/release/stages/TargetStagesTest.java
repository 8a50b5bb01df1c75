package dev.fuse.release.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.build.ReproducibilityChecker;
import dev.fuse.release.build.TargetBuilder;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.MeasureRequest;
import dev.fuse.release.contract.model.MeasureResult;
import dev.fuse.release.contract.model.ParityRequest;
import dev.fuse.release.contract.model.ParityResult;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReproducibilityRequest;
import dev.fuse.release.contract.model.ReproducibilityResult;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.TargetBuildResult;
import dev.fuse.release.contract.model.VerifyRequest;
import dev.fuse.release.contract.model.VerifyResult;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.git.ExampleRepository;
import dev.fuse.release.host.BuildHostPolicy;
import dev.fuse.release.measure.Measurer;
import dev.fuse.release.parity.ParityRunner;
import dev.fuse.release.plan.Planner;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import dev.fuse.release.verify.StagedVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages after the build, each on its own plain class, against the example's real linux-x64
 * build staged in an in-memory bucket: verification of the staged bytes, the independent rebuild,
 * the cold-start measurement (one run per mode here: behaviour, not timing) and the parity suite.
 */
class TargetStagesTest {
    static final Path TOOLCHAIN_CACHE = Path.of("target/fixture-toolchain-cache");

    static final Path EXAMPLE =
            Path.of("../examples/fuse-hello").toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    static InMemoryObjectStore bucket;
    static ArtifactStore store;
    static ReleasePlan plan;
    static TargetBuildResult built;

    @BeforeAll
    static void buildTheExample() throws Exception {
        bucket = new InMemoryObjectStore("fuse-releases");
        store = new ArtifactStore(bucket);
        Path repo = dir.resolve("repo");
        ExampleRepository.prepare(EXAMPLE, repo, tree -> {
            Path recipe = tree.resolve("fuse-release.json");
            Files.writeString(
                    recipe,
                    Files.readString(recipe)
                            .replace("\"coldStartRuns\": 20", "\"coldStartRuns\": 1")
                            .replace("\"warmupRuns\": 2", "\"warmupRuns\": 0"));
            ExampleRepository.sharedToolchainCache(TOOLCHAIN_CACHE).apply(tree);
        });
        ReleaseRequest request = ReleaseRequest.builder("0.4.0", repo.toString(), "main")
                .targets(List.of("linux-x64"))
                .requestedBy("a")
                .approvalTimeoutSeconds(60)
                .build();
        plan = new Planner(store, work(), true).plan(request, "fuse-release-0.4.0", "run-1");
        built = new TargetBuilder(store, BuildHostPolicy.nativeOnly(), work())
                .build(new TargetBuildRequest(plan, Target.LINUX_X64), () -> {});
    }

    static Path work() {
        return dir.resolve("work");
    }

    static Artifact aot() {
        return built.artifacts().stream()
                .filter(a -> a.type() == ArtifactType.AOT)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theStagedBytesVerifyAndTheBinaryPassesItsRuntimeChecks() throws Exception {
        VerifyResult verified =
                new StagedVerifier(store, work()).verify(new VerifyRequest("0.4.0", built.artifacts()), () -> {});

        assertThat(verified.runtime().problems()).isEmpty();
        assertThat(verified.runtime().buildInfo()).containsEntry("target", "linux-x64");
        assertThat(verified.checks()).anySatisfy(c -> assertThat(c).contains("fuse-aot-0.4.0-linux-x64.tar.gz"));
    }

    @Test
    void aStagedArchiveThatChangedIsNotVerified() throws Exception {
        Artifact cli = built.artifacts().get(0);
        InMemoryObjectStore other = new InMemoryObjectStore("fuse-releases");
        other.put(
                cli.ref().key(),
                dev.fuse.release.storage.ObjectStore.Body.of("x".getBytes(StandardCharsets.UTF_8)),
                dev.fuse.release.support.Sha256.of("x".getBytes(StandardCharsets.UTF_8)),
                "application/gzip",
                dev.fuse.release.storage.ObjectStore.Precondition.NONE);

        assertThatThrownBy(() -> new StagedVerifier(new ArtifactStore(other), work())
                        .verify(new VerifyRequest("0.4.0", List.of(cli)), () -> {}))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.DIGEST_MISMATCH))
                .hasMessageContaining("holds sha256");
    }

    @Test
    void anIndependentRebuildReproducesEveryArchive() throws Exception {
        TargetBuilder builder = new TargetBuilder(store, BuildHostPolicy.nativeOnly(), work());

        ReproducibilityResult result = new ReproducibilityChecker(builder, store)
                .check(new ReproducibilityRequest(plan, Target.LINUX_X64, built.artifacts()), () -> {});

        assertThat(result.comparisons())
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.reproduced()).isTrue());
        assertThat(result.mismatches()).isEmpty();
    }

    @Test
    void coldStartSizeAndBuildTimeAreMeasuredWithTheirProtocol() throws Exception {
        MeasureResult m = new Measurer(store, BuildHostPolicy.nativeOnly(), work())
                .measure(new MeasureRequest(plan, Target.LINUX_X64, aot(), built.buildMillis()), () -> {});

        assertThat(m.aot().samplesMillis()).hasSize(1);
        assertThat(m.jit().samplesMillis()).hasSize(1);
        assertThat(m.strippedBytes()).isPositive().isLessThanOrEqualTo(m.unstrippedBytes());
        assertThat(m.protocol().commit()).isEqualTo(plan.commit());
        assertThat(m.buildTimesSeconds()).isNotEmpty();
        assertThat(store.exists("metrics/build-times/linux-x64.jsonl")).isTrue();
    }

    @Test
    void theParitySuiteRunsAgainstTheStagedBinaryAndItsReportIsKept() throws Exception {
        ParityResult p =
                new ParityRunner(store, work()).run(new ParityRequest(plan, Target.LINUX_X64, aot()), () -> {});

        assertThat(p.tests()).isPositive();
        assertThat(p.failures()).isZero();
        assertThat(store.exists(p.report().key())).isTrue();
    }
}
