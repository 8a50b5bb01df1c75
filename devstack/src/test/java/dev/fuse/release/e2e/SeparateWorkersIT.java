package dev.fuse.release.e2e;

import static dev.fuse.release.e2e.WorkerProcesses.awaitPhase;
import static dev.fuse.release.e2e.WorkerProcesses.kill9;
import static dev.fuse.release.e2e.WorkerProcesses.lastAttempts;
import static dev.fuse.release.e2e.WorkerProcesses.orchestrator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.devstack.DevStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers as separate processes against {@code dev --no-worker}'s stack (an orchestrator, a
 * linux-x64 target worker and a signer, as in production), and kill -9 at the moments that matter:
 * mid-build, mid-upload (after the first staged object), mid-metadata (after the manifest) and
 * mid-publish (the signer, after the first public object). Each time a replacement process
 * finishes the work (the killed activity's next attempt, after the release's 5 s heartbeat
 * timeout), and the published release verifies: every object matches SHA256SUMS and none is
 * unlisted, so nothing is partial, duplicated or orphaned.
 */
class SeparateWorkersIT {
    static final String QUICK_HEARTBEAT = "5s";

    @TempDir
    static Path data;

    static DevStack stack;
    static Map<String, String> env;
    static WorkerProcesses workers;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(data.resolve("stack"), null, 0, 0, null, false);
        env = CliRun.envOf(stack);
    }

    /** Each test its own workers: a worker left polling from another test would take the build. */
    @BeforeEach
    void newWorkers() {
        workers = new WorkerProcesses(data, env, stack.signingKey());
    }

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @AfterAll
    static void stopStack() throws Exception {
        stack.close();
    }

    @Test
    void aReleaseSurvivesKill9OfItsTargetWorkerMidBuildAndOfTheOrchestrator() throws Exception {
        Path marks = Files.createDirectories(data.resolve("build-marks"));
        Path repo = data.resolve("repo-build");
        ExampleVariants.prepare(
                repo,
                tree -> ExampleVariants.extraBuildStep(
                        tree, 120, "sh", "-c", "touch " + marks + "/started-$$; sleep 6"));
        Process orchestrator = workers.start("orchestrator-1", orchestrator(Map.of()));
        Process builder = workers.start("linux-1", workers.linux("work-1", Map.of()));
        workers.start("signer-1", workers.signer(Map.of()));

        start("0.14.0", repo);
        WorkerProcesses.awaitAnyFile(marks);
        kill9(builder);
        kill9(orchestrator);
        workers.start("orchestrator-2", orchestrator(Map.of()));
        workers.start("linux-2", workers.linux("work-2", Map.of()));

        approveAndVerify("0.14.0");
        // At least 2: on a loaded machine a worker may also miss a 5 s heartbeat once.
        assertThat(lastAttempts(stack.connection().client(), "fuse-release-0.14.0/linux-x64")
                        .get("BuildTarget"))
                .as("the killed build was retried on the new worker")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aReleaseSurvivesKill9MidUploadMidMetadataAndMidPublish() throws Exception {
        Path repo = data.resolve("repo-failpoints");
        ExampleVariants.prepare(repo, tree -> {});
        Process orchestrator = workers.start("orch-a", orchestrator(failpoints("metadata.after-manifest")));
        Process builder = workers.start("linux-a", workers.linux("work-a", failpoints("stage.after-first-upload")));
        Process signer = workers.start("signer-a", workers.signer(failpoints("publish.after-first-object")));
        // Three JVMs starting at once on a small machine can take longer than start's pickup timeout.
        for (String worker : List.of("orch-a", "linux-a", "signer-a")) {
            workers.awaitLog(worker, "polling", Duration.ofMinutes(1));
        }

        start("0.15.0", repo);
        workers.awaitLog("linux-a", "failpoint stage.after-first-upload reached", Duration.ofMinutes(3));
        kill9(builder);
        workers.start("linux-b", workers.linux("work-b", Map.of()));
        workers.awaitLog("orch-a", "failpoint metadata.after-manifest reached", Duration.ofMinutes(3));
        kill9(orchestrator);
        workers.start("orch-b", orchestrator(Map.of()));

        awaitPhase(env, "0.15.0", "AWAITING_APPROVAL", Duration.ofMinutes(3));
        CliRun approved = CliRun.run(env, "approve", "0.15.0", "--approver", "alice", "--comment", "survived");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        workers.awaitLog("signer-a", "failpoint publish.after-first-object reached", Duration.ofMinutes(2));
        kill9(signer);
        workers.start("signer-b", workers.signer(Map.of()));

        watchAndVerify("0.15.0");
        Map<String, Integer> build = lastAttempts(stack.connection().client(), "fuse-release-0.15.0/linux-x64");
        Map<String, Integer> release = lastAttempts(stack.connection().client(), "fuse-release-0.15.0");
        assertThat(build.get("BuildTarget"))
                .as("the upload killed mid-way was retried")
                .isGreaterThanOrEqualTo(2);
        assertThat(release.get("GenerateMetadata"))
                .as("metadata killed mid-way was retried")
                .isGreaterThanOrEqualTo(2);
        assertThat(release.get("Publish"))
                .as("publishing killed mid-way was retried")
                .isGreaterThanOrEqualTo(2);
    }

    /**
     * The hostile recipe of the defects issue, on workers started as production starts them (the
     * target worker's S3 secret in its environment, the release key held by the signer alone): the
     * step dumps its own environment, reads the worker's environment through /proc, and searches
     * the worker's whole work folder for a private key. It finds no key and no key path; whatever
     * it prints of the worker's secrets is masked in the log object, the history and status. The
     * signer, another user or host in production, is out of the step's reach here only in what it
     * is handed: /proc of a process of the same user is not a boundary (docs/production.md).
     */
    @Test
    void aBuildStepThatHuntsForTheWorkersSecretsLeavesNoneInTheLogTheHistoryOrStatus() throws Exception {
        Path repo = data.resolve("repo-secrets");
        Path workFolder = data.resolve("work-s");
        ExampleVariants.prepare(repo, tree -> {
            Files.writeString(
                    tree.resolve("hunt.sh"),
                    String.join(
                            "\n",
                            "echo ==own==",
                            "env",
                            "cat \"$FUSE_RELEASE_SIGNING_KEY\" | head -2",
                            "echo ==worker==",
                            "tr '\\0' '\\n' < /proc/$PPID/environ | grep -E 'AWS_SECRET|SIGNING_KEY|NOTIFY'",
                            "key=$(tr '\\0' '\\n' < /proc/$PPID/environ | sed -n 's/^FUSE_RELEASE_SIGNING_KEY=//p')",
                            "head -2 \"$key\"",
                            "echo ==tree==",
                            "grep -rl 'PRIVATE KE[Y]' " + workFolder
                                    + " | while read -r f; do echo \"found $f\"; head -3 \"$f\"; done",
                            "echo ==end==",
                            "exit 3",
                            ""));
            ExampleVariants.extraBuildStep(tree, "sh", "hunt.sh");
        });
        // Both workers also hold webhook settings: a chat hook's URL is a bearer token.
        Map<String, String> notify = Map.of(
                "FUSE_RELEASE_NOTIFY", "http://127.0.0.1:9/hook/T0KEN-in-the-path-0123456789",
                "FUSE_RELEASE_NOTIFY_SECRET", "notify-secret-0123456789abcdef");
        workers.start("orch-s", orchestrator(notify));
        workers.start("linux-s", workers.linux("work-s", notify));
        workers.start("signer-s", workers.signer(Map.of()));
        List<String> secrets = secretsOfTheWorker();
        secrets.addAll(notify.values());

        start("0.16.0", repo);
        awaitPhase(env, "0.16.0", "BUILDING", Duration.ofMinutes(1));
        CliRun status = awaitFailedTarget("0.16.0");
        CliRun abandoned = CliRun.run(env, "abandon", "0.16.0", "--reason", "hostile recipe", "--operator", "ops");
        assertThat(abandoned.exitCode()).as(abandoned.toString()).isZero();

        String log = new String(
                stack.store()
                        .getBytes(stack.store().listKeys("logs/0.16.0/").stream()
                                .filter(k -> k.endsWith("/extra.log"))
                                .findFirst()
                                .orElseThrow()),
                StandardCharsets.ISO_8859_1);
        String own = log.substring(log.indexOf("==own=="), log.indexOf("==worker=="));
        assertThat(log.substring(log.indexOf("==tree=="), log.indexOf("==end==")))
                .as("the worker's work folder holds no private key")
                .doesNotContain("found ");
        assertThat(log).doesNotContain(stack.signingKey().toString());
        assertThat(own)
                .contains("PATH=")
                .doesNotContain("AWS_")
                .doesNotContain("FUSE_RELEASE_SIGNING_KEY")
                .doesNotContain("NOTIFY");
        assertThat(log)
                .as("the worker's secret was found through /proc and masked")
                .contains("***");
        String histories = historyJson("fuse-release-0.16.0") + historyJson("fuse-release-0.16.0/linux-x64");
        for (String secret : secrets) {
            assertThat(log).doesNotContain(secret);
            assertThat(histories).doesNotContain(secret);
            assertThat(status.out() + status.err()).doesNotContain(secret);
        }
    }

    /** The S3 secret and every line of the release key's body (held by the signer). */
    private static List<String> secretsOfTheWorker() throws Exception {
        List<String> secrets = new ArrayList<>();
        secrets.add(env.get("AWS_SECRET_ACCESS_KEY"));
        Files.readAllLines(stack.signingKey()).stream()
                .filter(line -> !line.startsWith("-----") && !line.isBlank())
                .forEach(secrets::add);
        assertThat(secrets).hasSizeGreaterThan(2);
        return secrets;
    }

    private static CliRun awaitFailedTarget(String version) throws Exception {
        return Await.until(version + " to wait for an operator", Await.RELEASE_STEP, () -> {
            CliRun status = CliRun.run(env, "status", version);
            return status.out().contains("waiting for an operator") ? status : null;
        });
    }

    private static String historyJson(String workflowId) {
        return stack.connection().client().fetchHistory(workflowId).toJson(false);
    }

    private static Map<String, String> failpoints(String names) {
        return Map.of("FUSE_RELEASE_FAILPOINTS", names);
    }

    private static void start(String version, Path repo) {
        CliRun started = CliRun.startLinuxX64(env, version, repo, "--heartbeat-timeout", QUICK_HEARTBEAT);
        assertThat(started.exitCode()).as(started.toString()).isZero();
    }

    private static void approveAndVerify(String version) throws Exception {
        awaitPhase(env, version, "AWAITING_APPROVAL", Duration.ofMinutes(3));
        CliRun approved = CliRun.run(env, "approve", version, "--approver", "alice", "--comment", "survived");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        watchAndVerify(version);
    }

    private static void watchAndVerify(String version) {
        CliRun watched = CliRun.run(env, "watch", version);
        assertThat(watched.exitCode()).as(watched.toString()).isZero();
        CliRun verified = CliRun.run(env, "verify", version);
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("none unlisted");
    }
}
