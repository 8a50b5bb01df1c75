package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.git.ExampleRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases of the example on the dev stack, with a breaking feature, a fix from a branch, a
 * dependency bump, an unconventional subject, a merge and a contract change between the first two:
 * the second release's notes name the right range and every commit and compare its figures with
 * the first's, its contract change needs a maintainer (approvers alone do not publish it), and a
 * byte changed in the published notes is named by {@code verify}. Once the second is yanked, the
 * third starts at the first again; a fourth names the yanked one as its base by hand.
 */
class ReleaseNotesIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static DevStack stack;
    static Map<String, String> env;
    static Path repo;

    @BeforeAll
    static void startStack() throws Exception {
        Path policy = Files.writeString(
                data.resolve("policy.json"),
                "{\"approvers\": [\"alice\", \"bob\"], \"requiredApprovals\": 1, \"maintainers\": [\"mara\"]}");
        stack = DevStack.start(data.resolve("stack"), null, 0, 0, policy);
        repo = data.resolve("repo");
        ExampleVariants.prepare(repo, tree -> {});
        env = new HashMap<>(stack.env());
        env.put("FUSE_RELEASE_HOME", ExampleVariants.HOME.toString());
        env.put("FUSE_RELEASE_REPO", repo.toString());
        env.put("USER", "release-manager");
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void theNotesListEveryCommitSinceThePreviousReleaseAndAContractChangeNeedsAMaintainer() throws Exception {
        String base = ExampleRepository.run(repo, "x", "rev-parse", "HEAD").trim();
        release("0.20.0");
        approve("0.20.0", "alice");
        assertThat(CliRun.run(env, "watch", "0.20.0").exitCode()).isZero();

        commit("Alice", "feat!: answer in JSON\n\nBREAKING CHANGE: clients must parse JSON bodies");
        ExampleRepository.run(repo, "Bob", "checkout", "--quiet", "-b", "topic");
        commit("Bob New", "fix(http): close idle connections");
        ExampleRepository.run(repo, "Bob", "checkout", "--quiet", "main");
        commit("Alice", "chore(deps): bump the C runtime");
        commit("Alice", "Tidy things up");
        ExampleRepository.run(repo, "Alice", "merge", "--quiet", "--no-ff", "-m", "Merge branch 'topic'", "topic");
        String head = ExampleRepository.commit(repo, "Alice", "chore(contract): tighten the size limit", tree -> {
            Path contract = tree.resolve("release-contract.json");
            Files.writeString(contract, Files.readString(contract).replace("25000000", "20000000"));
        });

        release("0.21.0");
        JsonNode notes = notesJson("0.21.0");
        assertThat(notes.path("range").path("base").path("version").asText()).isEqualTo("0.20.0");
        assertThat(notes.path("range").path("base").path("commit").asText()).isEqualTo(base);
        assertThat(notes.path("range").path("head").asText()).isEqualTo(head);
        String counted = ExampleRepository.run(repo, "x", "rev-list", "--count", base + ".." + head)
                .trim();
        assertThat(notes.path("range").path("commits").asText())
                .isEqualTo(counted)
                .isEqualTo("6");
        assertListsExactlyGitsCommits(notes, base, head);
        CliRun markdown = CliRun.run(env, "notes", "0.21.0");
        assertThat(markdown.out())
                .contains("Changes since 0.20.0")
                .contains("## Breaking changes")
                .contains("Migration: clients must parse JSON bodies")
                .contains("## Merges")
                .contains("Bob New (first contribution)")
                .contains("| slo.strippedBinaryMaxBytes | 25000000 | 20000000 |")
                .contains("## Measured against 0.20.0\n\n### linux-x64");
        assertThat(CliRun.run(env, "status", "0.21.0").out())
                .contains("contract changed: needs a maintainer's approval")
                .contains("contract CHANGED (1 fields)");

        String secondEvidence = Await.status(env, "0.21.0")
                .path("evidence")
                .path("reports")
                .path("json")
                .path("sha256")
                .asText();
        CliRun byApprover = approve("0.21.0", "alice");
        assertThat(byApprover.out()).contains("a maintainer's approval is still needed");
        assertThat(Await.status(env, "0.21.0").path("phase").asText()).isEqualTo("AWAITING_APPROVAL");
        approve("0.21.0", "mara");
        assertThat(CliRun.run(env, "watch", "0.21.0").exitCode()).isZero();

        assertThat(CliRun.run(env, "verify", "0.21.0").exitCode()).isZero();
        String key = "releases/0.21.0/RELEASE_NOTES.md";
        byte[] bytes = stack.store().getBytes(key);
        bytes[bytes.length - 2] ^= 1;
        stack.store().putBytes(key, bytes, "text/markdown");
        CliRun tampered = CliRun.run(env, "verify", "0.21.0");
        assertThat(tampered.exitCode()).as(tampered.toString()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(tampered.out()).contains("FAIL RELEASE_NOTES.md: sha256: expected ");

        aYankedReleaseIsSkippedAsABaseAndANamedBaseOverridesIt(base, head, secondEvidence);
    }

    /** The third release starts at 0.20.0 again once 0.21.0 is yanked; a fourth names 0.21.0 by hand. */
    private void aYankedReleaseIsSkippedAsABaseAndANamedBaseOverridesIt(
            String base, String second, String secondEvidence) throws Exception {
        CliRun yank = CliRun.run(env, "rollback", "0.21.0", "--reason", "crashes on start", "--operator", "alice");
        assertThat(yank.exitCode()).as(yank.toString()).isZero();
        commit("Alice", "fix: survive a closed socket");
        String head = ExampleRepository.run(repo, "x", "rev-parse", "HEAD").trim();

        release("0.22.0");
        JsonNode notes = notesJson("0.22.0");
        assertThat(notes.path("range").path("base").path("version").asText()).isEqualTo("0.20.0");
        assertThat(notes.path("range").path("base").path("commit").asText()).isEqualTo(base);
        assertThat(notes.path("range").path("head").asText()).isEqualTo(head);
        assertThat(notes.path("range").path("commits").asText())
                .isEqualTo(ExampleRepository.run(repo, "x", "rev-list", "--count", base + ".." + head)
                        .trim());
        JsonNode comparison = notes.path("measured").path("comparison");
        assertThat(comparison.path("comparedWith").asText()).isEqualTo("0.20.0");
        JsonNode linux = comparison.path("targets").get(0);
        assertThat(linux.path("target").asText()).isEqualTo("linux-x64");
        assertThat(linux.path("figures")).hasSize(10);
        linux.path("figures")
                .forEach(f -> assertThat(f.path("previous").isNumber())
                        .as(f.toString())
                        .isTrue());
        assertThat(CliRun.run(env, "notes", "0.22.0").out())
                .contains("## Measured against 0.20.0")
                .contains("| stripped binary | ")
                .contains("## Release gate checklist\n\n- [x] linux-x64 ");
        assertThat(CliRun.run(env, "status", "0.22.0").out())
                .contains("notes: 7 commits since 0.20.0")
                .contains("; largest changes: linux-x64 ");
        assertListsExactlyGitsCommits(notes, base, head);

        // An approval bound to other notes (the second release's evidence names the second's notes) is refused.
        CliRun stale = CliRun.run(
                env,
                "approve",
                "0.22.0",
                "--approver",
                "mara",
                "--comment",
                "read other notes",
                "--evidence-sha256",
                secondEvidence);
        assertThat(stale.exitCode()).as(stale.toString()).isNotZero();
        assertThat(stale.err() + stale.out()).contains(secondEvidence);
        approve("0.22.0", "mara");
        assertThat(CliRun.run(env, "watch", "0.22.0").exitCode()).isZero();

        CliRun named = CliRun.startLinuxX64(
                env, "0.22.1", repo, "--notes-since", "0.21.0", "--reason", "0.21.0 was yanked for packaging only");
        assertThat(named.exitCode()).as(named.toString()).isZero();
        JsonNode range = notesJson("0.22.1").path("range");
        assertThat(range.path("base").path("version").asText()).isEqualTo("0.21.0");
        assertThat(range.path("base").path("commit").asText()).isEqualTo(second);
        assertThat(range.path("baseChosenBecause").asText()).isEqualTo("0.21.0 was yanked for packaging only");
        assertThat(range.path("commits").asInt()).isEqualTo(1);
        assertThat(notesJson("0.22.1").path("previousRelease").path("version").asText())
                .isEqualTo("0.22.0");
        assertThat(CliRun.run(env, "notes", "0.22.1").out())
                .contains("The base was chosen by hand (--notes-since), instead of 0.22.0: 0.21.0 was yanked");
        CliRun cancelled = CliRun.run(env, "cancel", "0.22.1", "--reason", "drill over", "--operator", "alice");
        assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
    }

    /** Every commit of {@code base..head}, as git lists them, is in the notes (groups and merges), and no other. */
    private static void assertListsExactlyGitsCommits(JsonNode notes, String base, String head) throws Exception {
        Set<String> listed = new TreeSet<>();
        notes.path("groups")
                .forEach(g ->
                        g.path("commits").forEach(c -> listed.add(c.path("sha").asText())));
        notes.path("merges").forEach(m -> listed.add(m.path("sha").asText()));
        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(ExampleRepository.run(repo, "x", "rev-list", base + ".." + head)
                        .lines()
                        .toList());
    }

    private static JsonNode notesJson(String version) throws Exception {
        CliRun notes = CliRun.run(env, "notes", version, "--output", "json");
        assertThat(notes.exitCode()).as(notes.toString()).isZero();
        return JSON.readTree(notes.out());
    }

    private static void release(String version) throws Exception {
        CliRun started = CliRun.startLinuxX64(env, version, repo);
        assertThat(started.exitCode()).as(started.toString()).isZero();
        Await.phase(env, version, "AWAITING_APPROVAL");
    }

    private static CliRun approve(String version, String who) throws Exception {
        String sha = Await.status(env, version)
                .path("evidence")
                .path("metadata")
                .path("manifest")
                .path("sha256")
                .asText();
        CliRun approved = CliRun.run(
                env, "approve", version, "--approver", who, "--comment", "read the notes", "--manifest-sha256", sha);
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        return approved;
    }

    private static int commits;

    private static void commit(String author, String message) throws Exception {
        String file = "changes/" + (++commits) + ".txt";
        ExampleRepository.commit(repo, author, message, tree -> {
            Files.createDirectories(tree.resolve("changes"));
            Files.writeString(tree.resolve(file), message + "\n", StandardCharsets.UTF_8);
        });
    }
}
