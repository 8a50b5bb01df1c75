package dev.fuse.release.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.audit.AuditReport;
import dev.fuse.release.audit.LedgerAudit;
import dev.fuse.release.audit.LedgerHead;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.ledger.LedgerEntry;
import dev.fuse.release.ledger.ReleaseLedger;
import dev.fuse.release.signature.AllowedSigners;
import dev.fuse.release.signing.ReleaseSignatures;
import dev.fuse.release.signing.ReleaseSigningKey;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger written by publication and rollback, and the audit that trusts the bucket only as far
 * as the ledger confirms it: each way of changing the bucket by hand is named.
 */
class LedgerAuditTest {
    @TempDir
    Path dir;

    final InMemoryObjectStore bucket = new InMemoryObjectStore("fuse-releases");
    final ArtifactStore store = new ArtifactStore(bucket);
    LedgerAudit audit;

    @BeforeEach
    void publishTwoAndRollBackTheSecond() throws Exception {
        ReleaseSigningKey key = TestSigningKey.get();
        audit = new LedgerAudit(AllowedSigners.parse(
                new String(ReleaseSignatures.allowedSigners(key), StandardCharsets.US_ASCII), "test"));
        Publisher publisher = new Publisher(store, dir.resolve("work"), key);
        publisher.publish(StagedRelease.stage(store, dir, "0.4.0", "run-4", "a"), () -> {});
        publisher.publish(StagedRelease.stage(store, dir, "0.5.0", "run-5", "b"), () -> {});
        publisher.publish(StagedRelease.stage(store, dir, "0.6.0", "run-6", "c"), () -> {});
        new Rollback(store, key)
                .rollback(
                        new RollbackRequest("0.6.0", null, "oscar", "crash on start", 1767225600000L),
                        ApprovalPolicy.defaults());
    }

    List<String> problems() {
        return audit.audit(store).problems().stream()
                .map(AuditReport.Problem::line)
                .toList();
    }

    @Test
    void publicationsAndRollbacksFormOneSignedChainThatAudits() {
        List<ReleaseLedger.Stored> entries = new ReleaseLedger(store).read();

        assertThat(entries)
                .extracting(s -> s.entry().action() + " " + s.entry().version() + " -> "
                        + s.entry().latest())
                .containsExactly(
                        "published 0.4.0 -> 0.4.0",
                        "published 0.5.0 -> 0.5.0",
                        "published 0.6.0 -> 0.6.0",
                        "yanked 0.6.0 -> 0.5.0");
        assertThat(entries.get(1).entry().previous()).isEqualTo(entries.get(0).sha256());
        assertThat(problems()).isEmpty();
    }

    @Test
    void latestMovedToTheYankedVersionOrOneNeverPublishedIsNamed() {
        bucket.tamper("releases/latest.json", "{\"version\": \"0.6.0\"}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(problems())
                .anyMatch(p ->
                        p.startsWith("releases/latest.json: version: expected 0.5.0") && p.endsWith("found 0.6.0"));

        bucket.tamper("releases/latest.json", "{\"version\": \"9.9.9\"}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(problems()).anyMatch(p -> p.endsWith("found 9.9.9"));
    }

    @Test
    void aDeletedPublishedMarkerIsNamed() {
        bucket.remove("releases/0.5.0/PUBLISHED.json");

        assertThat(problems()).anyMatch(p -> p.startsWith("releases/0.5.0/PUBLISHED.json: present"));
    }

    @Test
    void aDeletedOrRewrittenYankMarkerIsNamed() {
        bucket.remove("releases/0.6.0/YANKED.json");
        assertThat(problems()).anyMatch(p -> p.startsWith("releases/0.6.0/YANKED.json: present"));

        bucket.tamper("releases/0.6.0/YANKED.json", "not json".getBytes(StandardCharsets.UTF_8));
        assertThat(problems())
                .anyMatch(p -> p.startsWith("releases/0.6.0/YANKED.json: sha256 (as the ledger records)"));
    }

    @Test
    void aYankOrPublicationTheLedgerDoesNotKnowIsNamed() {
        bucket.tamper("releases/0.4.0/YANKED.json", "{}".getBytes(StandardCharsets.UTF_8));
        bucket.tamper("releases/0.7.0/PUBLISHED.json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(problems())
                .anyMatch(p -> p.startsWith("releases/0.4.0/YANKED.json: ledger"))
                .anyMatch(p -> p.startsWith("releases/0.7.0/PUBLISHED.json: ledger"));
    }

    @Test
    void anEditedEntryFailsItsSignatureAndBreaksTheChainAfterIt() {
        String key = ReleaseLedger.key(2);
        String edited = new String(store.getBytes(key), StandardCharsets.UTF_8).replace("\"0.5.0\"", "\"0.5.1\"");
        bucket.tamper(key, edited.getBytes(StandardCharsets.UTF_8));

        assertThat(problems())
                .anyMatch(p -> p.startsWith(key + ": signature"))
                .anyMatch(p -> p.startsWith(ReleaseLedger.key(3) + ": previous entry's sha256"));
    }

    @Test
    void aDeletedEntryBreaksTheSequence() {
        bucket.remove(ReleaseLedger.key(4));
        bucket.remove(ReleaseLedger.key(2));

        assertThat(problems()).anyMatch(p -> p.startsWith(ReleaseLedger.key(3) + ": sequence number"));
    }

    @Test
    void writersRacingForTheSameNumberNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<LedgerEntry>> appends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String run = "race-" + i;
            appends.add(pool.submit(() -> new ReleaseLedger(store)
                    .append(
                            new ReleaseLedger.Event("noted", "0.5.0", run, "drill", Map.of(), "0.5.0"),
                            TestSigningKey.get(),
                            Instant.EPOCH)));
        }
        for (Future<LedgerEntry> f : appends) f.get();
        pool.shutdown();

        assertThat(new ReleaseLedger(store).read()).hasSize(12);
        assertThat(problems()).isEmpty();
    }

    @Test
    void rollingBackAYankedVersionAgainIsRefusedSayingWhatToDo() {
        assertThatThrownBy(() -> new Rollback(store, TestSigningKey.get())
                        .rollback(
                                new RollbackRequest("0.6.0", "0.4.0", "mallory", "again", 1767225700000L),
                                ApprovalPolicy.defaults()))
                .hasMessageContaining("0.6.0 was already rolled back by oscar")
                .hasMessageContaining("To move latest, roll back the version it names now");
    }

    @Test
    void aTailCutOffConsistentlyIsCaughtByTheHeadTheLastAuditKept() throws Exception {
        Path headFile = dir.resolve("audit/ledger-head");
        LedgerHead.of(new ReleaseLedger(store).read()).orElseThrow().write(headFile);
        // Undo the rollback completely: its entry, its marker, and latest back on 0.6.0.
        bucket.remove(ReleaseLedger.key(4));
        bucket.remove("releases/0.6.0/YANKED.json");
        bucket.tamper("releases/latest.json", "{\"version\": \"0.6.0\"}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(problems()).as("the shorter chain is consistent in itself").isEmpty();

        AuditReport report = new AuditReport("ledger");
        LedgerHead.read(headFile).orElseThrow().checkStillIn(new ReleaseLedger(store).read(), report);

        assertThat(report.problems())
                .extracting(AuditReport.Problem::line)
                .singleElement()
                .asString()
                .contains(ReleaseLedger.key(4) + ": present (the head seen by the last audit)")
                .contains("the ledger is shorter than when it was last audited");
    }
}
