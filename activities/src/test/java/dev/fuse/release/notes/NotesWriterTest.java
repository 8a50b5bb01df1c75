package dev.fuse.release.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.NotesSince;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.git.ExampleRepository;
import dev.fuse.release.git.Git;
import dev.fuse.release.plan.Planner;
import dev.fuse.release.policy.GateEvaluator;
import dev.fuse.release.report.SloFigures;
import dev.fuse.release.report.SloReport;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release notes as planning writes them, from a real git history: a published base, a yanked
 * release after it (skipped), then a breaking feature, a fix on a branch by a new contributor, a
 * dependency bump, an unconventional subject, a merge, a hostile subject and a contract change.
 */
class NotesWriterTest {
    static final Path EXAMPLE =
            Path.of("../examples/fuse-hello").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path repo;
    ArtifactStore store;
    String base;
    String head;
    int commits;

    @BeforeEach
    void history() throws Exception {
        repo = dir.resolve("repo");
        base = ExampleRepository.prepare(EXAMPLE, repo);
        store = new ArtifactStore(new InMemoryObjectStore("fuse-releases"));
        publish("0.4.0", base, false);
        String yanked = commit("Fuse Example", "feat!: new wire format", "BREAKING CHANGE: re-encode stored payloads");
        publish("0.4.1", yanked, true);
        git("Fuse Example", "checkout", "--quiet", "-b", "topic");
        commit("Bob New", "fix(cli): handle an empty body", "");
        git("Fuse Example", "checkout", "--quiet", "main");
        commit("Fuse Example", "chore(deps): bump zlib", "");
        commit("Alice", "Fixed stuff, finally", "");
        git("Fuse Example", "merge", "--quiet", "--no-ff", "-m", "Merge branch 'topic'", "topic");
        commit("Mallory", "fix: \u001b[31m<script>alert(1)</script>", "");
        Path contract = repo.resolve("release-contract.json");
        Files.writeString(contract, Files.readString(contract).replace("25000000", "20000000"));
        head = commit("Fuse Example", "chore(contract): tighten the size limit", "");
    }

    @Test
    void theNotesStartAtTheLastPublishedReleaseThatIsNotYankedAndListEveryCommit() throws Exception {
        JsonNode notes = JSON.readTree(plan("0.5.0", "run-1"));

        assertThat(notes.path("range").path("base").path("version").asText()).isEqualTo("0.4.0");
        assertThat(notes.path("range").path("base").path("commit").asText()).isEqualTo(base);
        assertThat(notes.path("range").path("head").asText()).isEqualTo(head);
        int count = Integer.parseInt(Git.run(repo, Map.of(), "rev-list", "--count", base + ".." + head)
                .strip());
        assertThat(notes.path("range").path("commits").asInt()).isEqualTo(count).isEqualTo(7);
        Set<String> listed = new TreeSet<>();
        notes.path("groups")
                .forEach(g ->
                        g.path("commits").forEach(c -> listed.add(c.path("sha").asText())));
        notes.path("merges").forEach(m -> listed.add(m.path("sha").asText()));
        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(Git.run(repo, Map.of(), "rev-list", base + ".." + head)
                        .lines()
                        .toList());
        assertThat(groupIds(notes)).containsExactly("breaking", "fixes", "dependencies", "other");
        assertThat(notes.path("groups")
                        .get(0)
                        .path("commits")
                        .get(0)
                        .path("migration")
                        .asText())
                .isEqualTo("re-encode stored payloads");
        assertThat(notes.path("merges").get(0).path("subject").asText()).isEqualTo("Merge branch 'topic'");
        assertThat(notes.path("contributors").toString())
                .contains("{\"name\":\"Bob New\",\"firstTime\":true}")
                .contains("{\"name\":\"Fuse Example\",\"firstTime\":false}");
    }

    @Test
    void thePlanCarriesTheStagedDocumentsAtTheirDigestsAndTheEvidenceReportNamesThem() throws Exception {
        ReleasePlan plan = new Planner(store, dir.resolve("work"), true)
                .plan(
                        ReleaseRequest.builder("0.5.0", repo.toString(), "main")
                                .targets(List.of("linux-x64"))
                                .requestedBy("a")
                                .approvalTimeoutSeconds(60)
                                .build(),
                        "fuse-release-0.5.0",
                        "run-1");

        assertThat(plan.contractChangedSince()).isEqualTo("0.4.0");
        assertThat(plan.documents())
                .extracting(ArtifactRef::key)
                .containsExactly(
                        "staging/0.5.0/run-1/release-contract.json",
                        "staging/0.5.0/run-1/RELEASE_NOTES.md",
                        "staging/0.5.0/run-1/release-notes.json");
        for (ArtifactRef document : plan.documents()) {
            assertThat(Sha256.of(store.getBytes(document.key()))).isEqualTo(document.sha256());
        }
        JsonNode report = JSON.readTree(
                SloReport.json(new SloFigures(plan, GateEvaluator.evaluate(plan.slo(), List.of()), List.of())));
        assertThat(report.path("documents").toString())
                .contains("{\"name\":\"RELEASE_NOTES.md\",\"sha256\":\""
                        + plan.documents().get(1).sha256() + "\"}");
    }

    @Test
    void aContractChangeIsShownFieldByField() throws Exception {
        JsonNode contract = JSON.readTree(plan("0.5.0", "run-1")).path("contract");

        assertThat(contract.path("changed").asBoolean()).isTrue();
        assertThat(contract.path("comparedWith").asText()).isEqualTo("0.4.0");
        assertThat(contract.path("changes").toString())
                .isEqualTo(
                        "[{\"field\":\"slo.strippedBinaryMaxBytes\",\"previous\":\"25000000\",\"now\":\"20000000\"}]");
        assertThat(markdown("0.5.0", "run-1")).contains("| slo.strippedBinaryMaxBytes | 25000000 | 20000000 |");
    }

    @Test
    void theSameRevisionAndBaseGiveTheSameBytes() throws Exception {
        byte[] first = plan("0.5.0", "run-1");
        byte[] second = plan("0.5.0", "run-2");

        assertThat(second).isEqualTo(first);
        assertThat(markdown("0.5.0", "run-2")).isEqualTo(markdown("0.5.0", "run-1"));
    }

    @Test
    void aHostileSubjectIsInertInTheMarkdown() throws Exception {
        plan("0.5.0", "run-1");
        String md = markdown("0.5.0", "run-1");

        assertThat(md).doesNotContain("<script>").doesNotContain("\u001b");
        assertThat(md).contains("\\u001b\\[31m&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(md.lines().filter(l -> l.startsWith("## ")).toList())
                .containsExactly(
                        "## Breaking changes",
                        "## Fixes",
                        "## Dependencies",
                        "## Other changes",
                        "## Merges",
                        "## Contributors",
                        "## Release contract");
    }

    @Test
    void aReleaseCandidateIsComparedWithTheLastStableReleaseAndNamesTheLastCandidate() throws Exception {
        publish("0.5.0-rc.1", base, false);
        JsonNode range = JSON.readTree(plan("0.5.0-rc.2", "run-1")).path("range");

        assertThat(range.path("base").path("version").asText()).isEqualTo("0.4.0");
        assertThat(range.path("lastCandidate").path("version").asText()).isEqualTo("0.5.0-rc.1");
        assertThat(markdown("0.5.0-rc.2", "run-1")).contains("The last release candidate was 0.5.0-rc.1");
    }

    @Test
    void aLongRangeListsItsNewestCommitsAndSaysHowManyItHolds() throws Exception {
        CommitRange range = CommitRange.read(repo, base, head, 3);

        assertThat(range.total()).isEqualTo(7);
        assertThat(range.commits().size() + range.merges().size()).isEqualTo(3);
        assertThat(range.commits().get(0).sha()).isEqualTo(head);
        NotesInput in = new NotesInput(
                "fuse",
                "0.5.0",
                NotesInput.Bases.fromLedger(new PreviousRelease.Published("0.4.0", base), null),
                range,
                List.of(),
                null);
        assertThat(NotesMarkdown.render(in)).contains(": 7 commits, the newest 3 listed.");
    }

    @Test
    void aFirstReleaseSaysSo() throws Exception {
        store = new ArtifactStore(new InMemoryObjectStore("fuse-releases"));
        JsonNode notes = JSON.readTree(plan("0.1.0", "run-1"));

        assertThat(notes.path("range").path("base").isNull()).isTrue();
        assertThat(notes.path("range").path("firstRelease").asBoolean()).isTrue();
        assertThat(notes.path("range").path("commits").asInt()).isEqualTo(8);
        assertThat(markdown("0.1.0", "run-1")).contains("First release: 8 commits up to");
    }

    @Test
    void aBaseNamedByHandStartsTheRangeAndIsRecordedButTheContractIsStillComparedWithThePreviousRelease()
            throws Exception {
        String yanked = releaseCommit("0.4.1");
        JsonNode notes = JSON.readTree(
                plan("0.5.0", "run-1", new NotesSince("0.4.1", "0.4.1 was yanked for a packaging slip only")));

        JsonNode range = notes.path("range");
        assertThat(range.path("base").path("version").asText()).isEqualTo("0.4.1");
        assertThat(range.path("base").path("commit").asText()).isEqualTo(yanked);
        assertThat(range.path("baseChosenBecause").asText()).isEqualTo("0.4.1 was yanked for a packaging slip only");
        assertThat(range.path("commits").asInt())
                .isEqualTo(Integer.parseInt(Git.run(repo, Map.of(), "rev-list", "--count", yanked + ".." + head)
                        .strip()));
        assertThat(notes.path("previousRelease").path("version").asText()).isEqualTo("0.4.0");
        assertThat(notes.path("contract").path("comparedWith").asText()).isEqualTo("0.4.0");
        assertThat(notes.path("contract").path("changed").asBoolean()).isTrue();
        assertThat(markdown("0.5.0", "run-1"))
                .contains("Changes since 0.4.1 (`" + yanked.substring(0, 12))
                .contains("The base was chosen by hand (--notes-since), instead of 0.4.0: 0.4.1 was yanked");
    }

    @Test
    void aBaseNamedAsACommitHasNoVersion() throws Exception {
        String merge = Git.run(repo, Map.of(), "rev-parse", "HEAD~2").strip();
        JsonNode range = JSON.readTree(plan("0.5.0", "run-1", new NotesSince(merge.substring(0, 10), "from the merge")))
                .path("range");

        assertThat(range.path("base").path("version").isNull()).isTrue();
        assertThat(range.path("base").path("commit").asText()).isEqualTo(merge);
        assertThat(range.path("commits").asInt()).isEqualTo(2);
        assertThat(markdown("0.5.0", "run-1")).contains("Changes since commit (`" + merge.substring(0, 12));
    }

    @Test
    void aBaseThatIsNeitherAPublishedReleaseNorACommitIsRefusedByName() {
        assertThatThrownBy(() -> plan("0.5.0", "run-1", new NotesSince("0.3.9", "why not")))
                .isInstanceOf(PipelineException.class)
                .hasMessage("--notes-since 0.3.9 is not a published release; name a published version"
                        + " (./fuse-release list) or a commit");
        assertThatThrownBy(() -> plan("0.5.0", "run-2", new NotesSince("no-such-branch", "why not")))
                .isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("--notes-since 'no-such-branch' is neither a published release nor a commit");
    }

    private String releaseCommit(String version) throws Exception {
        return JSON.readTree(store.getBytes(StoreLayout.publishedMarker(version)))
                .path("commit")
                .asText();
    }

    private byte[] plan(String version, String runId) throws Exception {
        return plan(version, runId, null);
    }

    private byte[] plan(String version, String runId, NotesSince since) throws Exception {
        ReleaseRequest request = ReleaseRequest.builder(version, repo.toString(), "main")
                .targets(List.of("linux-x64"))
                .requestedBy("a")
                .approvalTimeoutSeconds(60)
                .staticTargets(List.of())
                .notesSince(since)
                .build();
        new Planner(store, dir.resolve("work"), true).plan(request, "fuse-release-" + version, runId);
        return store.getBytes(StoreLayout.stagingPrefix(version, runId) + NotesDocument.JSON_FILE);
    }

    private String markdown(String version, String runId) {
        return new String(
                store.getBytes(StoreLayout.stagingPrefix(version, runId) + NotesDocument.MARKDOWN_FILE),
                StandardCharsets.UTF_8);
    }

    private static List<String> groupIds(JsonNode notes) {
        List<String> ids = new ArrayList<>();
        notes.path("groups").forEach(g -> ids.add(g.path("id").asText()));
        return ids;
    }

    private void publish(String version, String commit, boolean yanked) throws Exception {
        store.putBytes(
                StoreLayout.publishedMarker(version),
                ("{\"version\":\"" + version + "\",\"commit\":\"" + commit + "\"}\n").getBytes(StandardCharsets.UTF_8),
                "application/json");
        store.putBytes(
                StoreLayout.releasePrefix(version) + "release-contract.json",
                Files.readAllBytes(repo.resolve("release-contract.json")),
                "application/json");
        if (yanked) {
            store.putBytes(
                    StoreLayout.yankMarker(version), "{}\n".getBytes(StandardCharsets.UTF_8), "application/json");
        }
    }

    private String commit(String author, String subject, String body) throws Exception {
        // One file per commit: branches never touch the same file, so the merge is clean.
        String file = "changes/" + (++commits) + ".txt";
        return ExampleRepository.commit(repo, author, body.isEmpty() ? subject : subject + "\n\n" + body, tree -> {
            Files.createDirectories(tree.resolve("changes"));
            Files.writeString(tree.resolve(file), subject + "\n");
        });
    }

    private void git(String author, String... args) throws Exception {
        ExampleRepository.run(repo, author, args);
    }
}
