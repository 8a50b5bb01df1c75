package dev.fuse.release.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.MetadataRequest;
import dev.fuse.release.contract.model.MetadataResult;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.TargetBuildResult;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.git.ExampleRepository;
import dev.fuse.release.host.BuildHostPolicy;
import dev.fuse.release.metadata.MetadataWriter;
import dev.fuse.release.plan.Planner;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import dev.fuse.release.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning, a real build of the example with cc, staging and metadata, all against an in-memory
 * bucket: the plain core end to end without Temporal or S3.
 */
class TargetBuilderTest {
    static final Path EXAMPLE =
            Path.of("../examples/fuse-hello").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    final InMemoryObjectStore bucket = new InMemoryObjectStore("fuse-releases");
    final ArtifactStore store = new ArtifactStore(bucket);

    ReleasePlan plan(ExampleRepository.Edit edit) throws Exception {
        Path repo = dir.resolve("repo");
        ExampleRepository.prepare(EXAMPLE, repo, edit);
        ReleaseRequest request = ReleaseRequest.builder("0.4.0", repo.toString(), "main")
                .targets(List.of("linux-x64"))
                .requestedBy("alice")
                .approvalTimeoutSeconds(60)
                .build();
        return new Planner(store, dir.resolve("work"), true).plan(request, "fuse-release-0.4.0", "run-1");
    }

    TargetBuilder builder() {
        return new TargetBuilder(store, BuildHostPolicy.nativeOnly(), dir.resolve("work"));
    }

    @Test
    void aTargetIsBuiltPackagedAndStagedWithItsDigestsAndLogs() throws Exception {
        ReleasePlan plan = plan(tree -> {});

        TargetBuildResult built = builder().build(new TargetBuildRequest(plan, Target.LINUX_X64), () -> {});

        assertThat(built.artifacts())
                .extracting(Artifact::name)
                .containsExactly("fuse-cli-0.4.0-linux-x64.tar.gz", "fuse-aot-0.4.0-linux-x64.tar.gz");
        for (Artifact a : built.artifacts()) {
            assertThat(Sha256.of(bucket.snapshot().get(a.ref().key())))
                    .isEqualTo(a.ref().sha256());
            assertThat(a.ref().key()).startsWith("staging/0.4.0/run-1/");
        }
        assertThat(built.steps())
                .extracting(s -> s.log().key())
                .containsExactly("logs/0.4.0/run-1/linux-x64/cli.log", "logs/0.4.0/run-1/linux-x64/aot.log");
        // No workspace is left; only the worker's repository mirror stays, for the next release.
        assertThat(dir.resolve("work"))
                .isDirectoryNotContaining(p -> !p.getFileName().toString().equals(".mirrors"));
    }

    @Test
    void twoBuildsOfTheSamePlanGiveTheSameArchives() throws Exception {
        ReleasePlan plan = plan(tree -> {});
        TargetBuildResult first = builder().build(new TargetBuildRequest(plan, Target.LINUX_X64), () -> {});

        List<String> rebuilt = builder().rebuild(plan, Target.LINUX_X64, () -> {}, (packaged, ws) -> {
            List<String> digests = new ArrayList<>();
            for (var p : packaged) digests.add(Sha256.of(p.file()));
            return digests;
        });

        assertThat(rebuilt)
                .containsExactlyElementsOf(
                        first.artifacts().stream().map(a -> a.ref().sha256()).toList());
    }

    @Test
    void aFailingStepNamesItsLogAndTailAndStagesNoArchive() throws Exception {
        ReleasePlan plan = plan(tree -> {
            Path recipe = tree.resolve("fuse-release.json");
            Files.writeString(
                    recipe,
                    Files.readString(recipe)
                            .replace(
                                    "\"run\": [\"sh\", \"toolchain/bin/fuse\", \"build\", \"--aot\"",
                                    "\"run\": [\"sh\", \"-c\", \"echo no compiler today >&2; exit 3\", \"build\", \"--aot\""));
        });

        assertThatThrownBy(() -> builder().build(new TargetBuildRequest(plan, Target.LINUX_X64), () -> {}))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.BUILD_COMMAND_FAILED))
                .hasMessageContaining("build step 'aot' for linux-x64 exited with status 3")
                .hasMessageContaining("logs/0.4.0/run-1/linux-x64/aot.log")
                .hasMessageContaining("no compiler today");
        assertThat(store.listKeys("staging/0.4.0/run-1/")).noneMatch(k -> k.endsWith(".tar.gz"));
    }

    @Test
    void metadataOfTheBuildListsTheArtifactsTheManifestTheContractAndTheNotes() throws Exception {
        ReleasePlan plan = plan(tree -> {});
        TargetBuildResult built = builder().build(new TargetBuildRequest(plan, Target.LINUX_X64), () -> {});

        MetadataResult metadata = new MetadataWriter(store)
                .generate(
                        new MetadataRequest(plan, built.artifacts(), "fuse-release-0.4.0/run-1", 0L, List.of()),
                        () -> {});

        String sums = new String(bucket.snapshot().get(metadata.checksums().key()), StandardCharsets.UTF_8);
        assertThat(sums.lines())
                .extracting(l -> l.substring(66))
                .containsExactly(
                        "RELEASE_NOTES.md",
                        "fuse-aot-0.4.0-linux-x64.tar.gz",
                        "fuse-cli-0.4.0-linux-x64.tar.gz",
                        "release-artifacts.json",
                        "release-contract.json",
                        "release-notes.json");
        assertThat(sums).contains(metadata.manifest().sha256() + "  release-artifacts.json");
        assertThat(new String(bucket.snapshot().get(metadata.provenance().key()), StandardCharsets.UTF_8))
                .contains("fuse-release-0.4.0/run-1");
    }
}
