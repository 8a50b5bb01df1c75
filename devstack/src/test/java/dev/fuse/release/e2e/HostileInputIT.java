package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.client.TemporalConnection;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.git.ExampleRepository;
import dev.fuse.release.storage.ArtifactStore;
import io.temporal.client.WorkflowUpdateException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile or careless user tried against the dev stack, end to end on real processes,
 * files and sockets: links out of the workspace, a staged object changed before publication, a
 * publication left half done, control characters in approvals, a namespace no worker serves.
 * After each case the bucket is read back to hold nothing that should not be there.
 */
class HostileInputIT {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static DevStack stack;
    static Map<String, String> env;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(data.resolve("stack"), 0, 0);
        env = CliRun.envOf(stack);
    }

    @AfterAll
    static void stopStack() throws Exception {
        stack.close();
    }

    static Path repo(String name, ExampleRepository.Edit variant) throws Exception {
        Path repo = data.resolve(name);
        ExampleVariants.prepare(repo, variant);
        return repo;
    }

    static CliRun cli(Path repo, String... args) {
        Map<String, String> withRepo = new HashMap<>(env);
        withRepo.put("FUSE_RELEASE_REPO", repo.toString());
        return CliRun.run(withRepo, args);
    }

    /** Starts a linux-x64 release (the others add nothing here) and follows it to its end. */
    /**
     * Starts a linux-x64 release (the others add nothing here) and follows it to its end. A target
     * that fails makes the release wait for an operator: the test then abandons it, as an operator
     * who saw the failure would. Returns what status showed and what watch printed.
     */
    static CliRun releaseToFailure(Path repo, String version) throws Exception {
        CliRun started = cli(repo, "start", "--version", version, "--revision", "main", "--target", "linux-x64");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        String shown = Await.until(
                version + " to fail, or to wait for an operator and be abandoned", Await.RELEASE_STEP, () -> {
                    CliRun status = cli(repo, "status", version);
                    if (status.out().contains("waiting for an operator")) {
                        CliRun abandoned = cli(repo, "abandon", version, "--reason", "refused input, nothing to retry");
                        return abandoned.exitCode() == ExitCodes.OK ? status.out() : null;
                    }
                    boolean running = status.out().contains("phase BUILDING")
                            || status.out().contains("phase PLANNING");
                    return running ? null : "";
                });
        CliRun watched = cli(repo, "watch", version);
        assertThat(watched.exitCode()).as(watched.toString()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        return new CliRun(watched.exitCode(), shown + watched.out(), watched.err());
    }

    static void assertNothingOfTheTargetWasStagedOrPublished(String version) {
        ArtifactStore store = stack.store();
        assertThat(store.listKeys("staging/" + version + "/"))
                .noneMatch(k -> k.contains("fuse-aot-") || k.contains("fuse-cli-"));
        assertThat(store.listKeys("releases/" + version + "/")).isEmpty();
    }

    @Test
    void anOutputReplacedByALinkToEtcPasswdIsRefusedBeforeStaging() throws Exception {
        Path repo = repo(
                "link-out",
                tree -> ExampleVariants.extraBuildStep(tree, "ln", "-sf", "/etc/passwd", "${out}/aot/LICENSE"));

        CliRun watched = releaseToFailure(repo, "0.7.1");

        assertThat(watched.out())
                .contains("fuse-aot-0.7.1-linux-x64.tar.gz: entry 'LICENSE'")
                .contains("resolves to /etc/passwd, outside the build workspace");
        assertNothingOfTheTargetWasStagedOrPublished("0.7.1");
    }

    @Test
    void anOutputReplacedByAHardLinkToAFileOutsideTheWorkspaceIsRefusedBeforeStaging() throws Exception {
        Path outside = Files.writeString(data.resolve("outside-secret.txt"), "root:x:0:0:secret outside\n");
        Path repo = repo(
                "hard-link-out",
                tree -> ExampleVariants.extraBuildStep(
                        tree, "sh", "-c", "rm -f ${out}/aot/LICENSE && ln " + outside + " ${out}/aot/LICENSE"));

        CliRun watched = releaseToFailure(repo, "0.7.5");

        assertThat(watched.out())
                .contains("fuse-aot-0.7.5-linux-x64.tar.gz: entry 'LICENSE'")
                .contains("is a hard link (the file has 2 names)")
                .contains("copy the file, do not link it");
        assertNothingOfTheTargetWasStagedOrPublished("0.7.5");
    }

    @Test
    void aLinkedOutputDirectoryLeavingTheWorkspaceIsRefused() throws Exception {
        Path repo = repo("link-dir", tree -> {
            ExampleVariants.extraBuildStep(tree, "ln", "-s", "/etc", "${out}/aot/etcdir");
            ExampleVariants.replace(
                    tree.resolve("fuse-release.json"),
                    "\"members\": [\"LICENSE\", \"hello-http${exe}\"]",
                    "\"members\": [\"LICENSE\", \"etcdir/passwd\", \"hello-http${exe}\"]");
        });

        CliRun watched = releaseToFailure(repo, "0.7.2");

        assertThat(watched.out()).contains("entry 'etcdir/passwd'").contains("outside the build workspace");
        assertNothingOfTheTargetWasStagedOrPublished("0.7.2");
    }

    @Test
    void aLinkCommittedInTheRevisionIsNotPackagedIntoTheExtension() throws Exception {
        Path repo = repo("link-committed", tree -> {
            Path license = tree.resolve("editors/vscode/LICENSE");
            Files.delete(license);
            Files.createSymbolicLink(license, Path.of("/etc/passwd"));
        });

        CliRun watched = releaseToFailure(repo, "0.7.3");

        assertThat(watched.out())
                .contains("fuse-vscode-0.7.3.vsix: entry 'LICENSE'")
                .contains("resolves to /etc/passwd");
        assertThat(stack.store().listKeys("staging/0.7.3/")).noneMatch(k -> k.endsWith(".vsix"));
        assertThat(stack.store().listKeys("releases/0.7.3/")).isEmpty();
    }

    @Test
    void anAbsoluteFromInTheRecipeFailsPlanningAndStartSaysSo() throws Exception {
        Path repo = repo(
                "absolute-from",
                tree -> ExampleVariants.replace(
                        tree.resolve("fuse-release.json"), "\"from\": \"${out}/aot\"", "\"from\": \"/etc\""));

        CliRun started = cli(repo, "start", "--version", "0.7.4", "--revision", "main", "--target", "linux-x64");

        assertThat(started.exitCode()).as(started.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(started.err())
                .contains("failed in planning")
                .contains("artifacts.aot.from: '/etc' must be a relative path");
        assertThat(stack.store().listKeys("staging/0.7.4/")).isEmpty();
        assertThat(stack.store().listKeys("releases/0.7.4/")).isEmpty();
    }

    @Test
    void aStagedObjectChangedBeforePublicationPublishesNothingAndALaterRunPublishesTheVersion() throws Exception {
        Path repo = repo("tamper", tree -> {});
        assertThat(cli(repo, "start", "--version", "0.8.0", "--revision", "main", "--target", "linux-x64")
                        .exitCode())
                .isZero();
        JsonNode waiting = awaitApproval(repo, "0.8.0");
        String provenance = waiting.path("evidence")
                .path("metadata")
                .path("provenance")
                .path("key")
                .asText();
        stack.store().putBytes(provenance, "{\"forged\":true}\n".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(cli(repo, "approve", "0.8.0", "--approver", "alice", "--comment", "ok")
                        .exitCode())
                .isZero();
        CliRun failed = cli(repo, "watch", "0.8.0");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(failed.out()).contains("changed after it was staged").contains("provenance.intoto.json");
        assertThat(stack.store().listKeys("releases/0.8.0/")).isEmpty();

        // What an interrupted publication leaves: an archive at its public key, no PUBLISHED.json.
        String archive = waiting.path("artifacts").get(1).path("name").asText();
        stack.store()
                .putBytes(
                        "releases/0.8.0/" + archive,
                        stack.store()
                                .getBytes(waiting.path("artifacts")
                                        .get(1)
                                        .path("ref")
                                        .path("key")
                                        .asText()),
                        "application/gzip");
        assertThat(cli(repo, "list").out()).containsPattern("0\\.8\\.0 +incomplete +FAILED +FAILED");

        assertThat(cli(repo, "start", "--version", "0.8.0", "--revision", "main", "--target", "linux-x64")
                        .exitCode())
                .isZero();
        awaitApproval(repo, "0.8.0");
        assertThat(cli(repo, "approve", "0.8.0", "--approver", "alice", "--comment", "ok")
                        .exitCode())
                .isZero();
        CliRun published = cli(repo, "watch", "0.8.0");
        assertThat(published.exitCode()).as(published.toString()).isZero();
        CliRun downloaded = cli(
                repo,
                "download",
                "0.8.0",
                "--dir",
                data.resolve("download-0.8.0").toString());
        assertThat(downloaded.exitCode()).as(downloaded.toString()).isZero();
        assertThat(cli(repo, "list").out()).containsPattern("0\\.8\\.0 +yes +PUBLISHED +COMPLETED");
    }

    @Test
    void controlCharactersInDecisionsAreRefusedByTheCliAndByTheReleaseItself() throws Exception {
        Path repo = repo("escapes", tree -> {});
        assertThat(cli(repo, "start", "--version", "0.9.0", "--revision", "main", "--target", "linux-x64")
                        .exitCode())
                .isZero();
        awaitApproval(repo, "0.9.0");

        CliRun forged = cli(
                repo,
                "approve",
                "0.9.0",
                "--approver",
                "mallory",
                "--comment",
                "ok\u001b[2J\nrelease 0.9.0  phase PUBLISHED");
        assertThat(forged.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(forged.err()).contains("comment contains control characters");
        CliRun huge = cli(repo, "approve", "0.9.0", "--approver", "mallory", "--comment", "x".repeat(120_000));
        assertThat(huge.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(huge.err()).contains("at most 2000 are allowed");
        try (TemporalConnection temporal = TemporalConnection.connect(env)) {
            ReleaseClient direct = new ReleaseClient(temporal, stack.store());
            assertThatThrownBy(() -> direct.approve("0.9.0", new ApprovalDecision("al\u001b[31mice", "ok", null)))
                    .isInstanceOf(WorkflowUpdateException.class)
                    .rootCause()
                    .hasMessageContaining("approver name contains control characters");
        }
        assertThat(cli(repo, "reject", "0.9.0", "--approver", "carol", "--comment", "line one\nline two")
                        .exitCode())
                .isZero();
        CliRun status = cli(repo, "status", "0.9.0");
        assertThat(status.out())
                .contains("rejected by carol: line one\\nline two")
                .doesNotContain("\u001b");
    }

    @Test
    void aNamespaceNoWorkerServesFailsStartFastAndLeavesNothingRunning() throws Exception {
        Path repo = repo("namespace", tree -> {});
        Map<String, String> nope = new HashMap<>(env);
        nope.put("FUSE_RELEASE_REPO", repo.toString());
        nope.put("TEMPORAL_NAMESPACE", "nope");
        nope.put("FUSE_RELEASE_PICKUP_TIMEOUT", "3s");

        CliRun started = CliRun.run(nope, "start", "--version", "0.9.9", "--revision", "main");

        assertThat(started.exitCode()).as(started.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(started.err())
                .contains("no worker picked up release 0.9.9 (namespace nope")
                .contains("was stopped");
        CliRun status = CliRun.run(nope, "status", "0.9.9");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(status.err()).contains("before any worker picked it up");
    }

    @Test
    void anUnresolvableTemporalAddressIsOneLineOnTheRealProcessStderr() throws Exception {
        Path jar = HOME.resolve("worker/target/fuse-release.jar");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "status",
                "0.4.0");
        pb.environment().put("TEMPORAL_ADDRESS", "notahost.invalid:7233");
        pb.environment().put("FUSE_RELEASE_HOME", data.toString());
        Path out = data.resolve("status.out");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(err.lines().toList()).as(err).hasSize(1);
        // Nothing else on stdout either (a logging library's status dump would land there).
        assertThat(Files.readString(out)).isEmpty();
        assertThat(err).contains("Temporal at notahost.invalid:7233 (namespace default) is unreachable");
    }

    static JsonNode awaitApproval(Path repo, String version) throws Exception {
        return Await.until(version + " to wait for approval", Await.RELEASE_STEP, () -> {
            JsonNode s = JSON.readTree(
                    cli(repo, "status", version, "--output", "json").out());
            String phase = s.path("phase").asText();
            assertThat(phase).as("%s ended early: %s", version, s).isNotIn("FAILED", "REJECTED", "PUBLISHED");
            return phase.equals("AWAITING_APPROVAL") ? s : null;
        });
    }
}
