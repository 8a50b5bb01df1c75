package dev.fuse.release.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.git.ExampleRepository;
import dev.fuse.release.git.Git;
import dev.fuse.release.index.ReleaseIndex;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import dev.fuse.release.storage.StoreLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning against a real git repository of the example and an in-memory bucket. */
class PlannerTest {
    static final Path EXAMPLE =
            Path.of("../examples/fuse-hello").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    final ArtifactStore store = new ArtifactStore(new InMemoryObjectStore("fuse-releases"));

    Planner planner() {
        return new Planner(store, dir.resolve("work"), true);
    }

    ReleaseRequest request(Path repo, String revision) {
        return ReleaseRequest.builder("0.4.0", repo.toString(), revision)
                .targets(Target.allIds())
                .requestedBy("alice")
                .approvalTimeoutSeconds(ReleaseRequest.DEFAULT_APPROVAL_TIMEOUT_SECONDS)
                .build();
    }

    @Test
    void theExamplePlansToItsCommitTimeRecipeAndContract() throws Exception {
        Path repo = dir.resolve("repo");
        String commit = ExampleRepository.prepare(EXAMPLE, repo);

        ReleasePlan plan = planner().plan(request(repo, "main"), "fuse-release-0.4.0", "run-1");

        assertThat(plan.commit()).isEqualTo(commit);
        assertThat(plan.sourceDateEpoch()).isEqualTo(ExampleRepository.COMMIT_EPOCH);
        assertThat(plan.projectName()).isEqualTo("fuse");
        assertThat(plan.stagingPrefix()).isEqualTo("staging/0.4.0/run-1/");
        assertThat(plan.slo()).isNotNull();
        assertThat(plan.toolchain().rustChannel()).isEqualTo("stable");
        assertThat(store.exists("staging/0.4.0/run-1/release-contract.json")).isTrue();
        assertThat(new ReleaseIndex(store).entries())
                .singleElement()
                .satisfies(e -> assertThat(e.commit()).isEqualTo(commit));
        // No workspace is left; only the worker's repository mirror stays, for the next release.
        assertThat(dir.resolve("work"))
                .isDirectoryNotContaining(p -> !p.getFileName().toString().equals(".mirrors"));
    }

    @Test
    void aPublishedVersionIsRefusedBeforeAnythingIsCloned() throws Exception {
        store.putBytes(StoreLayout.publishedMarker("0.4.0"), "{}".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThatThrownBy(() -> planner().plan(request(dir.resolve("nowhere"), "main"), "w", "run-1"))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.ALREADY_PUBLISHED))
                .hasMessageContaining("already published");
    }

    @Test
    void aVersionThatDiffersFromAnExistingOneOnlyInCaseIsRefusedNamingIt() throws Exception {
        store.putBytes("index/0.4.0-RC1/run-0.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        ReleaseRequest lower = ReleaseRequest.builder("0.4.0-rc1", "/nowhere", "main")
                .targets(Target.allIds())
                .requestedBy("alice")
                .approvalTimeoutSeconds(ReleaseRequest.DEFAULT_APPROVAL_TIMEOUT_SECONDS)
                .build();

        assertThatThrownBy(() -> planner().plan(lower, "w", "run-1"))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.VERSION_CONFLICT))
                .hasMessageContaining("version 0.4.0-rc1 differs from the existing release 0.4.0-RC1 only in case");
        assertThat(store.listKeys("index/0.4.0-rc1/")).isEmpty();
    }

    @Test
    void anUnknownRevisionIsACheckoutFailureNamingIt() throws Exception {
        Path repo = dir.resolve("repo");
        ExampleRepository.prepare(EXAMPLE, repo);

        assertThatThrownBy(() -> planner().plan(request(repo, "no-such-branch"), "w", "run-1"))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.CHECKOUT_FAILED))
                .hasMessageContaining("revision 'no-such-branch' does not exist");
    }

    @Test
    void aBrokenRecipeFailsWithEveryProblemStagesNothingAndIsStillListed() throws Exception {
        Path repo = dir.resolve("repo");
        ExampleRepository.prepare(EXAMPLE, repo, tree -> {
            Path recipe = tree.resolve("fuse-release.json");
            Files.writeString(
                    recipe,
                    Files.readString(recipe)
                            .replace("\"recipeVersion\": 1", "\"recipeVersion\": 7")
                            .replace("\"from\": \"${out}/aot\"", "\"from\": \"/etc\""));
        });

        assertThatThrownBy(() -> planner().plan(request(repo, "main"), "w", "run-1"))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_RECIPE))
                .hasMessageContaining("recipeVersion: must be 1")
                .hasMessageContaining("artifacts.aot.from: '/etc' must be a relative path");
        assertThat(store.listKeys("staging/")).isEmpty();
        assertThat(new ReleaseIndex(store).entries()).hasSize(1);
    }

    @Test
    void aCommitDatedBefore1980CannotBeTheSourceDateEpoch() throws Exception {
        Path repo = dir.resolve("repo");
        ExampleRepository.prepare(EXAMPLE, repo);
        String epoch1970 = "@100 +0000";
        Git.run(
                repo,
                Map.of(
                        "GIT_AUTHOR_NAME",
                        "t",
                        "GIT_AUTHOR_EMAIL",
                        "t@t",
                        "GIT_AUTHOR_DATE",
                        epoch1970,
                        "GIT_COMMITTER_NAME",
                        "t",
                        "GIT_COMMITTER_EMAIL",
                        "t@t",
                        "GIT_COMMITTER_DATE",
                        epoch1970),
                "-c",
                "commit.gpgsign=false",
                "commit",
                "--quiet",
                "--allow-empty",
                "-m",
                "dated 1970");

        assertThatThrownBy(() -> planner().plan(request(repo, "main"), "w", "run-1"))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_RECIPE))
                .hasMessageContaining("cannot be the release's SOURCE_DATE_EPOCH")
                .hasMessageContaining("SOURCE_DATE_EPOCH 100 is outside");
    }
}
