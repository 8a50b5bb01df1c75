package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.devstack.DevStack;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A flaky runner costs minutes, not a release: on the dev stack (real worker, real builds), a
 * macos-arm64 build that fails while a marker file exists leaves the release waiting; once the
 * cause is removed, the retry command an operator types completes it, and the histories show one
 * build of linux-x64 and two of macos-arm64.
 */
class OperatorRetryIT {
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
    static void stopStack() {
        stack.close();
    }

    @Test
    void aTargetThatFailedOnItsRunnerIsRetriedByTheOperatorAndTheReleasePublishes() throws Exception {
        Path marker = Files.createFile(data.resolve("macos-runner-broken"));
        Path repo = data.resolve("repo");
        ExampleVariants.prepare(
                repo,
                tree -> ExampleVariants.extraBuildStep(
                        tree,
                        "sh",
                        "-c",
                        "if [ \\\"$FUSE_RELEASE_TARGET\\\" = macos-arm64 ] && [ -e " + marker
                                + " ]; then echo macOS runner is broken >&2; exit 1; fi"));
        env.put("FUSE_RELEASE_REPO", repo.toString());
        CliRun started = CliRun.run(
                env, "start", "--version", "0.10.0", "--revision", "main", "--target", "linux-x64,macos-arm64");
        assertThat(started.exitCode()).as(started.toString()).isZero();

        JsonNode waiting = awaitFailed("macos-arm64");
        assertThat(target(waiting, "linux-x64").path("stage").asText()).isEqualTo("STAGED");
        assertThat(target(waiting, "macos-arm64").path("failedIn").asText()).isEqualTo("BUILDING");
        assertThat(CliRun.run(env, "status", "0.10.0").out())
                .contains("waiting for an operator: ./fuse-release retry 0.10.0 macos-arm64 --reason <why>");
        CliRun notFailed = CliRun.run(env, "retry", "0.10.0", "linux-x64", "--reason", "just because");
        assertThat(notFailed.exitCode()).as(notFailed.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(notFailed.err()).contains("linux-x64 has not failed");

        Files.delete(marker);
        CliRun retried = retry("macos-arm64", "runner fixed");
        assertThat(retried.exitCode()).as(retried.toString()).isZero();
        JsonNode approval = awaitPhase("AWAITING_APPROVAL");
        assertThat(target(approval, "macos-arm64").path("attempt").asInt()).isEqualTo(2);
        assertThat(CliRun.run(env, "approve", "0.10.0", "--approver", "alice", "--comment", "ok")
                        .exitCode())
                .isZero();
        CliRun watched = CliRun.run(env, "watch", "0.10.0");
        assertThat(watched.exitCode()).as(watched.toString()).isZero();

        // What an operator sees in the Temporal UI: summaries, attributes, activity summaries.
        var described = stack.connection()
                .client()
                .newUntypedWorkflowStub("fuse-release-0.10.0")
                .describe();
        assertThat(described.getStaticSummary()).contains("Fuse 0.10.0 from main");
        assertThat(described.getTypedSearchAttributes().get(dev.fuse.release.contract.SearchAttributes.PHASE))
                .isEqualTo("PUBLISHED");
        assertThat(stack.connection()
                        .client()
                        .newUntypedWorkflowStub("fuse-release-0.10.0/macos-arm64/attempt-2")
                        .describe()
                        .getStaticSummary())
                .isEqualTo("Fuse 0.10.0 macos-arm64 pipeline, attempt 2");
        assertThat(stack.connection().client().fetchHistory("fuse-release-0.10.0/linux-x64").getEvents().stream()
                        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                        .map(e -> e.getUserMetadata().getSummary().getData().toStringUtf8()))
                .anySatisfy(s -> assertThat(s).contains("build linux-x64 0.10.0"));
        assertThat(builds("fuse-release-0.10.0/linux-x64")).isEqualTo(1);
        assertThat(builds("fuse-release-0.10.0/macos-arm64")).isEqualTo(1);
        assertThat(builds("fuse-release-0.10.0/macos-arm64/attempt-2")).isEqualTo(1);
        assertThat(stack.store().exists("releases/0.10.0/PUBLISHED.json")).isTrue();
    }

    @Test
    void aPublishedReleaseIsRolledBackLatestMovesBackAndNothingPublishedChanges() throws Exception {
        Path repo = data.resolve("repo-rollback");
        ExampleVariants.prepare(repo, tree -> {});
        Map<String, String> withRepo = new HashMap<>(env);
        withRepo.put("FUSE_RELEASE_REPO", repo.toString());
        publish(withRepo, "0.11.0");
        publish(withRepo, "0.11.1");
        java.util.List<String> before = stack.store().listKeys("releases/0.11.1/");

        CliRun notLatest = CliRun.run(withRepo, "rollback", "0.11.0", "--reason", "wrong one");
        assertThat(notLatest.exitCode()).as(notLatest.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(notLatest.err()).contains("0.11.0 is not latest (latest is 0.11.1); pass --to");
        CliRun rolledBack =
                CliRun.run(withRepo, "rollback", "0.11.1", "--reason", "crash on start", "--operator", "oscar");
        assertThat(rolledBack.exitCode()).as(rolledBack.toString()).isZero();
        assertThat(rolledBack.out()).contains("latest is now 0.11.0");

        assertThat(JSON.readTree(stack.store().getBytes("releases/latest.json"))
                        .path("version")
                        .asText())
                .isEqualTo("0.11.0");
        assertThat(JSON.readTree(stack.store().getBytes("releases/0.11.1/YANKED.json"))
                        .path("yankedBy")
                        .asText())
                .isEqualTo("oscar");
        assertThat(stack.store().listKeys("releases/0.11.1/"))
                .containsAll(before)
                .hasSize(before.size() + 1);
        assertThat(CliRun.run(withRepo, "list").out()).containsPattern("0\\.11\\.1 +yanked");
        assertThat(CliRun.run(withRepo, "status", "0.11.1").out())
                .contains("YANKED by oscar")
                .contains("crash on start");
        CliRun republish = CliRun.run(withRepo, "start", "--version", "0.11.1", "--revision", "main");
        assertThat(republish.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        CliRun again = CliRun.run(withRepo, "rollback", "0.11.1", "--to", "0.11.0", "--reason", "again");
        assertThat(again.exitCode()).as(again.toString()).isNotZero();
        assertThat(again.err()).contains("0.11.1 was yanked by oscar").contains("a yank is final");

        theAuditSeesEveryChangeMadeBehindThePipelinesBack(withRepo);
    }

    /** The defects issue's audit cases, each undone before the next: verify --all, list and download see them. */
    private static void theAuditSeesEveryChangeMadeBehindThePipelinesBack(Map<String, String> cli) throws Exception {
        assertThat(CliRun.run(cli, "verify", "--all").exitCode()).isZero();

        byte[] latest = stack.store().getBytes("releases/latest.json");
        stack.store().putBytes("releases/latest.json", pointerTo("0.11.1"), "application/json");
        assertAuditFails(cli, "releases/latest.json: version: expected 0.11.0");
        assertThat(CliRun.run(cli, "list").out())
                .contains("! latest.json names 0.11.1 but the ledger says it must name 0.11.0");
        stack.store().putBytes("releases/latest.json", pointerTo("0.99.0"), "application/json");
        assertAuditFails(cli, "found 0.99.0");
        stack.store().putBytes("releases/latest.json", latest, "application/json");

        byte[] published = stack.store().getBytes("releases/0.11.0/PUBLISHED.json");
        deleteObject(cli, "releases/0.11.0/PUBLISHED.json");
        assertAuditFails(cli, "releases/0.11.0/PUBLISHED.json: present");
        stack.store().putBytes("releases/0.11.0/PUBLISHED.json", published, "application/json");

        byte[] yank = stack.store().getBytes("releases/0.11.1/YANKED.json");
        deleteObject(cli, "releases/0.11.1/YANKED.json");
        assertAuditFails(cli, "releases/0.11.1/YANKED.json: present");
        assertThat(CliRun.run(cli, "list").out())
                .contains("0.11.1: the ledger records a yank but YANKED.json is missing");
        CliRun download = CliRun.run(
                cli, "download", "0.11.1", "--dir", data.resolve("dl-yanked").toString());
        assertThat(download.exitCode()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(download.err()).contains("the ledger records release 0.11.1 as yanked by oscar");
        stack.store().putBytes("releases/0.11.1/YANKED.json", "{not json".getBytes(), "application/json");
        assertAuditFails(cli, "releases/0.11.1/YANKED.json: sha256 (as the ledger records)");
        assertThat(CliRun.run(
                                cli,
                                "download",
                                "0.11.1",
                                "--dir",
                                data.resolve("dl-garbled").toString())
                        .err())
                .contains("is yanked, but its releases/0.11.1/YANKED.json is unreadable");
        stack.store().putBytes("releases/0.11.1/YANKED.json", yank, "application/json");

        CliRun refused = CliRun.run(
                cli, "download", "0.11.1", "--dir", data.resolve("dl-refused").toString());
        assertThat(refused.err()).contains("release 0.11.1 was yanked by oscar").contains("--allow-yanked");
        CliRun allowed = CliRun.run(
                cli,
                "download",
                "0.11.1",
                "--allow-yanked",
                "--dir",
                data.resolve("dl-allowed").toString());
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(CliRun.run(cli, "verify", "--all").exitCode()).isZero();
    }

    private static void assertAuditFails(Map<String, String> cli, String problem) {
        CliRun audit = CliRun.run(cli, "verify", "--all");
        assertThat(audit.exitCode()).as(audit.toString()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(audit.out()).contains(problem);
    }

    private static byte[] pointerTo(String version) {
        return ("{\"version\": \"" + version + "\"}\n").getBytes();
    }

    /** A plain S3 DELETE, as anyone with the bucket's credentials could send. */
    private static void deleteObject(Map<String, String> cli, String key) {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(cli.get("AWS_ENDPOINT_URL_S3")))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(cli.get("AWS_ACCESS_KEY_ID"), cli.get("AWS_SECRET_ACCESS_KEY"))))
                .build()) {
            s3.deleteObject(b -> b.bucket(stack.store().bucket()).key(key));
        }
    }

    @Test
    void aCancelledReleaseKillsItsRunningBuildAndPublishesNothing() throws Exception {
        Path pidFile = data.resolve("build-step.pid");
        Path repo = data.resolve("repo-cancel");
        ExampleVariants.prepare(
                repo,
                tree -> ExampleVariants.extraBuildStep(
                        tree, 600, "sh", "-c", "sleep 600 & echo $! > " + pidFile + "; wait"));
        Map<String, String> withRepo = new HashMap<>(env);
        withRepo.put("FUSE_RELEASE_REPO", repo.toString());
        CliRun started =
                CliRun.run(withRepo, "start", "--version", "0.12.0", "--revision", "main", "--target", "linux-x64");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        long pid = awaitPid(pidFile);
        assertThat(ProcessHandle.of(pid))
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        long cancelledAt = System.nanoTime();
        CliRun unexplained = CliRun.run(withRepo, "cancel", "0.12.0");
        assertThat(unexplained.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unexplained.err()).contains("missing reason: pass --reason");
        CliRun cancelled =
                CliRun.run(withRepo, "cancel", "0.12.0", "--reason", "wrong revision", "--operator", "oscar");
        assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
        Await.until(
                "the build step's sleep to end with the cancelled release",
                Duration.ofSeconds(90),
                () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? null : pid);
        System.out.printf("cancel -> build process gone: %d ms%n", (System.nanoTime() - cancelledAt) / 1_000_000);
        CliRun watched = CliRun.run(withRepo, "watch", "0.12.0");
        assertThat(watched.exitCode()).as(watched.toString()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(watched.out()).contains("cancelled by oscar: wrong revision");
        assertThat(JSON.readTree(CliRun.run(withRepo, "status", "0.12.0", "--output", "json")
                                .out())
                        .path("phase")
                        .asText())
                .isEqualTo("CANCELLED");
        assertThat(stack.store().listKeys("releases/0.12.0/")).isEmpty();
    }

    private static long awaitPid(Path pidFile) throws Exception {
        return Await.until("the build step to start (" + pidFile + ")", Duration.ofMinutes(2), () -> {
            String text = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
            return text.isEmpty() ? null : Long.parseLong(text);
        });
    }

    private static void publish(Map<String, String> env, String version) throws Exception {
        CliRun started = CliRun.run(env, "start", "--version", version, "--revision", "main", "--target", "linux-x64");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        Await.phase(env, version, "AWAITING_APPROVAL");
        assertThat(CliRun.run(env, "approve", version, "--approver", "alice", "--comment", "ok")
                        .exitCode())
                .isZero();
        assertThat(CliRun.run(env, "watch", version).exitCode()).isZero();
    }

    /**
     * The release starts waiting for operators in the workflow task after the child's failure; a
     * retry typed a moment earlier is refused as "not waiting" (exit 3), so a person would type it
     * again: so does the test, a bounded number of times.
     */
    private static CliRun retry(String target, String reason) throws InterruptedException {
        CliRun r = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            r = CliRun.run(env, "retry", "0.10.0", target, "--reason", reason);
            if (r.exitCode() != ExitCodes.CONFLICT || !r.err().contains("only a release waiting")) return r;
            Thread.sleep(250);
        }
        return r;
    }

    private static JsonNode awaitPhase(String phase) throws Exception {
        return Await.phase(env, "0.10.0", phase);
    }

    /** BuildTarget activities scheduled in a workflow's history. */
    private static long builds(String workflowId) {
        return stack.connection().client().fetchHistory(workflowId).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
                .filter(a -> a.getActivityType().getName().equals("BuildTarget"))
                .count();
    }

    private static JsonNode target(JsonNode status, String id) {
        for (JsonNode t : status.path("targets")) {
            if (t.path("target").asText().equals(id)) return t;
        }
        throw new AssertionError("no target " + id + " in " + status);
    }

    private static JsonNode awaitFailed(String target) throws Exception {
        return Await.until(target + " to fail with every other target done", Await.RELEASE_STEP, () -> {
            JsonNode s = Await.status(env, "0.10.0");
            assertThat(s.path("phase").asText())
                    .as("release ended early: %s", s)
                    .isEqualTo("BUILDING");
            boolean othersDone = true;
            for (JsonNode t : s.path("targets")) {
                String stage = t.path("stage").asText();
                if (!stage.equals("STAGED") && !stage.equals("FAILED")) othersDone = false;
            }
            return othersDone && target(s, target).path("stage").asText().equals("FAILED") ? s : null;
        });
    }
}
