package dev.fuse.release.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollback against an in-memory bucket holding two published releases. */
class RollbackTest {
    @TempDir
    Path dir;

    final InMemoryObjectStore bucket = new InMemoryObjectStore("fuse-releases");
    final ArtifactStore store = new ArtifactStore(bucket);
    final Rollback rollback = new Rollback(store, TestSigningKey.get());

    @BeforeEach
    void publishTwoReleases() throws Exception {
        Publisher publisher = new Publisher(store, dir.resolve("work"), TestSigningKey.get());
        publisher.publish(StagedRelease.stage(store, dir, "0.4.0", "run-4", "a"), () -> {});
        publisher.publish(StagedRelease.stage(store, dir, "0.5.0", "run-5", "b"), () -> {});
    }

    static RollbackRequest request(String version, String to) {
        return new RollbackRequest(version, to, "oscar", "crash on start in 0.5.0", 1767225600000L);
    }

    @Test
    void theLatestVersionIsYankedAndLatestMovesBackWithoutTouchingAnythingPublished() throws Exception {
        Map<String, byte[]> before = bucket.snapshot();

        RollbackResult result = rollback.rollback(request("0.5.0", null), ApprovalPolicy.defaults());

        assertThat(result.latest()).isEqualTo("0.4.0");
        assertThat(new LatestPointer(store).read().orElseThrow().version()).isEqualTo("0.4.0");
        assertThat(new String(store.getBytes("releases/0.5.0/YANKED.json"), StandardCharsets.UTF_8))
                .contains("\"yankedBy\": \"oscar\"")
                .contains("\"yankedAt\": \"2026-01-01T00:00:00Z\"")
                .contains("crash on start in 0.5.0")
                .contains("\"latestNow\": \"0.4.0\"");
        Map<String, byte[]> after = bucket.snapshot();
        before.forEach((key, bytes) -> {
            if (key.startsWith("releases/0."))
                assertThat(after.get(key)).as(key).isEqualTo(bytes);
        });
        assertThat(PublicationState.of(store, "0.5.0")).isEqualTo(PublicationState.YANKED);
        assertThat(PublicationState.of(store, "0.5.0").published()).isTrue();
    }

    @Test
    void aRetriedRollbackCompletesAndChangesNothingMore() throws Exception {
        rollback.rollback(request("0.5.0", null), ApprovalPolicy.defaults());
        int writes = bucket.writes().size();

        RollbackResult again = rollback.rollback(request("0.5.0", null), ApprovalPolicy.defaults());

        assertThat(again.latest()).isEqualTo("0.4.0");
        assertThat(bucket.writes().stream().skip(writes)).allMatch(k -> k.startsWith("index/"));
    }

    @Test
    void rollbacksThatCannotApplyAreRefusedNamingWhy() {
        assertThatThrownBy(() -> rollback.rollback(request("0.6.0", null), ApprovalPolicy.defaults()))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.ROLLBACK_REFUSED))
                .hasMessageContaining("0.6.0 was never published");
        assertThatThrownBy(() -> rollback.rollback(request("0.4.0", null), ApprovalPolicy.defaults()))
                .hasMessageContaining("0.4.0 is not latest (latest is 0.5.0); pass --to");
        assertThatThrownBy(() -> rollback.rollback(request("0.5.0", "0.3.0"), ApprovalPolicy.defaults()))
                .hasMessageContaining("--to 0.3.0 is not a published, unyanked version");
        assertThat(store.exists("releases/0.5.0/YANKED.json")).isFalse();
        assertThat(new LatestPointer(store).read().orElseThrow().version()).isEqualTo("0.5.0");
    }

    @Test
    void aVersionBeforeWhichNothingWasPublishedNeedsTo() throws Exception {
        rollback.rollback(request("0.5.0", null), ApprovalPolicy.defaults());

        assertThatThrownBy(() -> rollback.rollback(request("0.4.0", null), ApprovalPolicy.defaults()))
                .hasMessageContaining("no published version before 0.4.0");
    }

    @Test
    void onlyThoseThePolicyNamesMayRollBackAndTheYankNamesThePolicysSpelling() throws Exception {
        ApprovalPolicy policy = new ApprovalPolicy(
                List.of("alice"),
                1,
                false,
                3600,
                false,
                null,
                "policy.json",
                Map.of("rollback", List.of("Oscar")),
                List.of());

        assertThatThrownBy(() -> rollback.rollback(
                        new RollbackRequest("0.5.0", null, "mallory", "why not", 1767225600000L), policy))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.APPROVAL_NOT_ALLOWED))
                .hasMessageContaining(
                        "mallory may not rollback release 0.5.0 under the policy (policy.json); allowed: Oscar");
        assertThat(store.exists("releases/0.5.0/YANKED.json")).isFalse();

        rollback.rollback(request("0.5.0", null), policy);

        assertThat(new String(store.getBytes("releases/0.5.0/YANKED.json"), StandardCharsets.UTF_8))
                .contains("\"yankedBy\": \"Oscar\"");
    }
}
