package dev.fuse.release.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.contract.model.PublishResult;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publication against an in-memory bucket: order, verification first, resumability, conflicts. */
class PublisherTest {
    @TempDir
    Path dir;

    final InMemoryObjectStore bucket = new InMemoryObjectStore("fuse-releases");
    final ArtifactStore store = new ArtifactStore(bucket);
    static final dev.fuse.release.signing.ReleaseSigningKey KEY = TestSigningKey.get();
    final Publisher publisher =
            new Publisher(store, Path.of(System.getProperty("java.io.tmpdir")).resolve("publisher-test"), KEY);

    @Test
    void publishesArtifactsThenEvidenceThenManifestAndSumsAndTheMarkerLast() throws Exception {
        PublishRequest request = StagedRelease.stage(store, dir, "0.4.0", "run-1", "p50 3 ms");

        PublishResult result = publisher.publish(request, () -> {});

        List<String> publicWrites = bucket.writes().stream()
                .filter(k -> k.startsWith("releases/0.4.0/"))
                .toList();
        assertThat(publicWrites)
                .containsExactly(
                        "releases/0.4.0/fuse-aot-0.4.0-linux-x64.tar.gz",
                        "releases/0.4.0/RELEASE_NOTES.md",
                        "releases/0.4.0/evidence/run-1/slo-report.json",
                        "releases/0.4.0/evidence/run-1/provenance.intoto.json",
                        "releases/0.4.0/evidence/run-1/provenance.intoto.dsse.json",
                        "releases/0.4.0/evidence/run-1/approval.json",
                        "releases/0.4.0/evidence/run-1/SHA256SUMS",
                        "releases/0.4.0/release-artifacts.json",
                        "releases/0.4.0/SHA256SUMS",
                        "releases/0.4.0/SHA256SUMS.sig",
                        "releases/0.4.0/allowed_signers",
                        "releases/0.4.0/PUBLISHED.json");
        assertThat(result.latestMoved()).isTrue();
        assertThat(PublicationState.of(store, "0.4.0")).isEqualTo(PublicationState.PUBLISHED);
        String evidenceSums = text("releases/0.4.0/evidence/run-1/SHA256SUMS");
        assertThat(evidenceSums.lines())
                .extracting(l -> l.substring(66))
                .containsExactly(
                        "approval.json", "provenance.intoto.dsse.json", "provenance.intoto.json", "slo-report.json");
        assertThat(evidenceSums)
                .contains(Sha256.of(bucket.snapshot().get("releases/0.4.0/evidence/run-1/approval.json")));
        assertThat(text("releases/0.4.0/PUBLISHED.json"))
                .contains("\"runId\": \"run-1\"")
                .contains(KEY.publicKey().fingerprint())
                .contains(Sha256.of(bucket.snapshot().get("releases/0.4.0/SHA256SUMS")));
    }

    @Test
    void aStagedObjectChangedWhileAwaitingApprovalIsCaughtBeforeAnythingIsPublic() throws Exception {
        PublishRequest request = StagedRelease.stage(store, dir, "0.4.0", "run-1", "p50 3 ms");
        bucket.tamper(request.metadata().provenance().key(), "{\"forged\":true}\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> publisher.publish(request, () -> {}))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("changed after it was staged")
                .hasMessageContaining("provenance.intoto.json")
                .satisfies(e -> assertThat(((PipelineException) e).type()).isEqualTo(FailureType.DIGEST_MISMATCH));
        assertThat(store.listKeys("releases/")).isEmpty();
    }

    @Test
    void notesRewrittenInStagingAfterTheMetadataAreRefusedEvenWithMatchingObjectMetadata() throws Exception {
        PublishRequest request = StagedRelease.stage(store, dir, "0.4.0", "run-1", "p50 3 ms");
        // A writer with bucket credentials replaces the notes, digest metadata and all.
        store.putBytes(
                request.plan().stagingPrefix() + "RELEASE_NOTES.md",
                "# fuse 0.4.0\nnothing to see here\n".getBytes(StandardCharsets.UTF_8),
                "text/markdown");

        assertThatThrownBy(() -> publisher.publish(request, () -> {}))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.DIGEST_MISMATCH))
                .hasMessageContaining("changed after it was staged")
                .hasMessageContaining("RELEASE_NOTES.md");
        assertThat(store.listKeys("releases/")).isEmpty();
    }

    @Test
    void notesThatAppearInStagingAfterTheMetadataAreRefused() throws Exception {
        PublishRequest request = StagedRelease.stage(store, dir, "0.4.0", "run-1", "p50 3 ms");
        store.putBytes(
                request.plan().stagingPrefix() + "release-notes.json",
                "{}\n".getBytes(StandardCharsets.UTF_8),
                "application/json");

        assertThatThrownBy(() -> publisher.publish(request, () -> {}))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("release-notes.json appeared in staging after SHA256SUMS was written");
        assertThat(store.listKeys("releases/")).isEmpty();
    }

    @Test
    void aTamperedStagedArchiveIsCaughtBeforeAnythingIsPublic() throws Exception {
        PublishRequest request = StagedRelease.stage(store, dir, "0.4.0", "run-1", "p50 3 ms");
        bucket.tamper(request.artifacts().get(0).ref().key(), "not an archive".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> publisher.publish(request, () -> {})).isInstanceOf(PipelineException.class);
        assertThat(store.listKeys("releases/")).isEmpty();
    }

    @Test
    void aPublicationInterruptedHalfwayIsCompletedByALaterRunWithOtherEvidence() throws Exception {
        PublishRequest first = StagedRelease.stage(store, dir, "0.4.0", "run-1", "p50 3 ms");
        bucket.failWritesWhen(key -> key.equals("releases/0.4.0/release-artifacts.json"));
        assertThatThrownBy(() -> publisher.publish(first, () -> {})).isInstanceOf(StoreException.class);
        assertThat(PublicationState.of(store, "0.4.0")).isEqualTo(PublicationState.INCOMPLETE);
        bucket.failWritesWhen(key -> false);

        PublishRequest second = StagedRelease.stage(store, dir, "0.4.0", "run-2", "p50 4 ms");
        publisher.publish(second, () -> {});

        assertThat(PublicationState.of(store, "0.4.0")).isEqualTo(PublicationState.PUBLISHED);
        assertThat(text("releases/0.4.0/PUBLISHED.json"))
                .contains("\"runId\": \"run-2\"")
                .contains("releases/0.4.0/evidence/run-2/");
        assertThat(text("releases/0.4.0/evidence/run-2/slo-report.json")).contains("p50 4 ms");
        assertThat(text("releases/0.4.0/evidence/run-1/slo-report.json")).contains("p50 3 ms");
    }

    @Test
    void anotherObjectAtAPublicKeyIsAHardFailureNamingTheKeyAndNothingIsWritten() throws Exception {
        store.putBytes(
                "releases/0.4.0/fuse-aot-0.4.0-linux-x64.tar.gz",
                "other bytes".getBytes(StandardCharsets.UTF_8),
                "application/gzip");
        PublishRequest request = StagedRelease.stage(store, dir, "0.4.0", "run-1", "p50 3 ms");
        int before = bucket.writes().size();

        assertThatThrownBy(() -> publisher.publish(request, () -> {}))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining(
                        "releases/0.4.0/fuse-aot-0.4.0-linux-x64.tar.gz already exists with other content")
                .satisfies(e -> assertThat(((PipelineException) e).type()).isEqualTo(FailureType.ALREADY_PUBLISHED));
        assertThat(bucket.writes()).hasSize(before);
    }

    @Test
    void aVersionPublishedByAnotherRunIsRefused() throws Exception {
        publisher.publish(StagedRelease.stage(store, dir, "0.4.0", "run-1", "p50 3 ms"), () -> {});
        PublishRequest again = StagedRelease.stage(store, dir, "0.4.0", "run-2", "p50 4 ms");
        int before = bucket.writes().size();

        assertThatThrownBy(() -> publisher.publish(again, () -> {}))
                .hasMessageContaining("version 0.4.0 is already published by another run");
        assertThat(bucket.writes()).hasSize(before);
    }

    @Test
    void aRetryOfTheSameRunAfterEverythingWasWrittenSucceeds() throws Exception {
        PublishRequest request = StagedRelease.stage(store, dir, "0.4.0", "run-1", "p50 3 ms");
        publisher.publish(request, () -> {});

        PublishResult again = publisher.publish(request, () -> {});

        assertThat(again.published()).hasSize(12);
        assertThat(PublicationState.of(store, "0.4.0")).isEqualTo(PublicationState.PUBLISHED);
    }

    @Test
    void latestNeverMovesBackwards() throws Exception {
        publisher.publish(StagedRelease.stage(store, dir, "0.5.0", "run-5", "x"), () -> {});
        PublishResult older = publisher.publish(StagedRelease.stage(store, dir, "0.4.0", "run-4", "y"), () -> {});

        assertThat(older.latestMoved()).isFalse();
        assertThat(new LatestPointer(store).read().orElseThrow().version()).isEqualTo("0.5.0");
    }

    private String text(String key) {
        return new String(store.getBytes(key), StandardCharsets.UTF_8);
    }
}
