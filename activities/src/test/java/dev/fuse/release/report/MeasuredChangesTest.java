package dev.fuse.release.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.contract.model.TargetEvidence;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.metadata.ReleaseMetadataTest;
import dev.fuse.release.notes.NotesDocument;
import dev.fuse.release.policy.GateEvaluator;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report compares this run's figures with the evidence the previous release published, as the
 * notes name it, and the notes' measured part renders that comparison and the gate checklist.
 */
class MeasuredChangesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final ArtifactStore store = new ArtifactStore(new InMemoryObjectStore("fuse-releases"));

    @Test
    void everyFigureOfEveryTargetIsComparedWithThePreviousPublishedRelease() throws Exception {
        publish("0.3.9", withArtifacts(ReportFixtures.request(2_000_000)));
        SloFigures now = withArtifacts(ReportFixtures.request(2_500_000));
        JsonNode comparison = write(now, "0.3.9").path("comparison");

        assertThat(comparison.path("comparedWith").asText()).isEqualTo("0.3.9");
        assertThat(comparison.path("targetsAdded")).isEmpty();
        assertThat(comparison.path("emulatedTargets").toString()).isEqualTo("[\"macos-arm64\",\"windows-x64\"]");
        JsonNode linux = comparison.path("targets").get(0);
        assertThat(linux.path("target").asText()).isEqualTo("linux-x64");
        List<String> ids = new ArrayList<>();
        linux.path("figures").forEach(f -> ids.add(f.path("id").asText()));
        assertThat(ids)
                .containsExactly(
                        "cliArchiveBytes",
                        "aotArchiveBytes",
                        "strippedBinaryBytes",
                        "coldStartAotP50Millis",
                        "coldStartAotP95Millis",
                        "coldStartJitP50Millis",
                        "coldStartJitP95Millis",
                        "buildSeconds",
                        "parityCases",
                        "parityDivergences");
        JsonNode stripped = linux.path("figures").get(2);
        assertThat(stripped.path("previous").asLong()).isEqualTo(2_000_000);
        assertThat(stripped.path("now").asLong()).isEqualTo(2_500_000);
        assertThat(stripped.path("changePercent").asDouble()).isEqualTo(25.0);
        assertThat(comparison.path("largestChanges")).hasSize(1);
        assertThat(comparison.path("largestChanges").get(0).path("target").asText())
                .isEqualTo("linux-x64");

        String md = MeasuredMarkdown.render(report(now));
        assertThat(md)
                .startsWith("## Measured against 0.3.9\n")
                .contains("| stripped binary | 2000000 B | 2500000 B | +500000 B (+25%) |")
                .contains("| cold start AOT p95 | ")
                .contains("Emulated (figures from an emulated host, not the native one): macos-arm64, windows-x64.")
                .contains("## Release gate checklist\n\n- [x] linux-x64 ")
                .endsWith("Verdict: **GO**\n");
        assertThat(html(now))
                .contains("<h2 id=\"measured\">Measured against 0.3.9</h2>")
                .contains("<td>+500000 B (+25%)</td>");
    }

    @Test
    void targetsAddedSinceThePreviousReleaseAreNamedAndTheirFiguresAreNew() throws Exception {
        SloFigures linuxOnly = ReportFixtures.request(2_000_000);
        List<TargetEvidence> one = List.of(linuxOnly.evidence().get(0));
        publish(
                "0.3.9",
                new SloFigures(
                        linuxOnly.plan(),
                        GateEvaluator.evaluate(linuxOnly.plan().slo(), one),
                        one,
                        List.of()));
        SloFigures now = ReportFixtures.request(2_000_000);
        JsonNode comparison = write(now, "0.3.9").path("comparison");

        assertThat(comparison.path("targetsAdded").toString()).isEqualTo("[\"macos-arm64\",\"windows-x64\"]");
        assertThat(comparison.path("largestChanges")).isEmpty();
        assertThat(MeasuredMarkdown.render(report(now)))
                .contains("Targets added: macos-arm64, windows-x64.")
                .contains("| stripped binary | - | 14632 B | new |");
    }

    @Test
    void figuresChangedInTheBucketAfterPublicationAreNotShownAsThePreviousReleases() throws Exception {
        publish("0.3.9", withArtifacts(ReportFixtures.request(2_000_000)));
        String key = StoreLayout.evidencePrefix("0.3.9", "run-0") + SloReport.FILE_NAME;
        String forged = new String(store.getBytes(key), StandardCharsets.UTF_8).replace("2000000", "9000000");
        store.putBytes(key, forged.getBytes(StandardCharsets.UTF_8), "application/json");

        JsonNode comparison = write(ReportFixtures.request(2_000_000), "0.3.9").path("comparison");

        assertThat(comparison.path("comparedWith").isNull()).isTrue();
        assertThat(comparison.path("missing").asText())
                .isEqualTo("0.3.9 has evidence that no longer matches its records (./fuse-release verify 0.3.9):"
                        + " nothing to compare the figures with");
    }

    @Test
    void aFirstReleaseSaysThereIsNothingToCompareWith() throws Exception {
        SloFigures now = ReportFixtures.request(2_000_000);
        JsonNode comparison = write(now, null).path("comparison");

        assertThat(comparison.path("comparedWith").isNull()).isTrue();
        assertThat(comparison.path("missing").asText()).isEqualTo("first release: nothing to compare with");
        assertThat(MeasuredMarkdown.render(report(now)))
                .startsWith("## Measured\n\nfirst release: nothing to compare with.");
    }

    @Test
    void aFailingGateIsAnUncheckedNoGoLineOfTheChecklist() throws Exception {
        SloFigures now = ReportFixtures.request(90_000_000);
        write(now, null);

        String md = MeasuredMarkdown.render(report(now));
        assertThat(md).containsPattern("- \\[ \\] linux-x64 [^\\n]*: NO-GO\\n").endsWith("Verdict: **NO-GO**\n");
    }

    private static SloFigures withArtifacts(SloFigures figures) {
        return new SloFigures(
                figures.plan(), figures.gates(), figures.evidence(), ReleaseMetadataTest.artifacts("run-report"));
    }

    /** Publishes the figures' evidence and manifest, with the records that vouch for them. */
    private void publish(String version, SloFigures figures) {
        byte[] report = SloReport.json(figures);
        byte[] manifest = ReleaseMetadata.manifest(figures.plan(), figures.artifacts());
        byte[] sums = (Sha256.of(report) + "  " + SloReport.FILE_NAME + "\n").getBytes(StandardCharsets.UTF_8);
        String evidence = StoreLayout.evidencePrefix(version, "run-0");
        store.putBytes(evidence + SloReport.FILE_NAME, report, "application/json");
        store.putBytes(evidence + "SHA256SUMS", sums, "text/plain");
        store.putBytes(StoreLayout.releasePrefix(version) + StoreLayout.MANIFEST, manifest, "application/json");
        store.putBytes(
                StoreLayout.publishedMarker(version),
                ("{\"version\":\"" + version + "\",\"runId\":\"run-0\",\"manifestSha256\":\"" + Sha256.of(manifest)
                                + "\",\"evidenceSha256sumsSha256\":\"" + Sha256.of(sums) + "\"}")
                        .getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    /** Stages notes naming the previous release (null: a first release), writes the report, reads it. */
    private JsonNode write(SloFigures now, String previous) throws Exception {
        String notes = previous == null
                ? "{\"previousRelease\":null}"
                : "{\"previousRelease\":{\"version\":\"" + previous + "\",\"commit\":\"abc\"}}";
        store.putBytes(
                now.plan().stagingPrefix() + NotesDocument.JSON_FILE,
                notes.getBytes(StandardCharsets.UTF_8),
                "application/json");
        new SloReportWriter(store).write(now, () -> {});
        return report(now);
    }

    private JsonNode report(SloFigures now) throws Exception {
        return JSON.readTree(store.getBytes(now.plan().stagingPrefix() + SloReport.FILE_NAME));
    }

    private String html(SloFigures now) {
        return new String(store.getBytes(now.plan().stagingPrefix() + HtmlReport.FILE_NAME), StandardCharsets.UTF_8);
    }
}
