package dev.fuse.release.e2e;

import static dev.fuse.release.e2e.WorkerProcesses.kill9;
import static dev.fuse.release.e2e.WorkerProcesses.orchestrator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.devstack.DevStack;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook notifications on the dev stack with the orchestrator as its own process, configured as
 * in production (FUSE_RELEASE_NOTIFY and its secret), to a receiver that checks every signature:
 * one delivery per event of a release whose target failed and was retried, a dead endpoint given
 * up without holding the release, and an orchestrator killed with -9 in the middle of a delivery.
 */
class NotificationsIT {
    static final String SECRET = "notify-secret-for-the-drill-0123456789";

    @TempDir
    static Path data;

    static DevStack stack;
    static Map<String, String> env;
    WorkerProcesses workers;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(data.resolve("stack"), null, 0, 0, null, false);
        env = CliRun.envOf(stack);
    }

    @BeforeEach
    void newWorkers() {
        workers = new WorkerProcesses(data, env, stack.signingKey());
    }

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void aFailedThenRetriedTargetIsToldOncePerEventAndADeadEndpointIsGivenUp() throws Exception {
        Path marker = Files.createFile(data.resolve("runner-broken"));
        Path repo = data.resolve("repo-retry");
        ExampleVariants.prepare(
                repo,
                tree -> ExampleVariants.extraBuildStep(
                        tree, "sh", "-c", "if [ -e " + marker + " ]; then echo runner is broken >&2; exit 1; fi"));
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            workers.start(
                    "orchestrator-notify",
                    workers.withKey(orchestrator(notifying(receiver.url() + " " + deadEndpoint()))));
            workers.start("linux-notify", workers.linux("work-notify", Map.of()));
            start("0.30.0", repo);

            Await.until("linux-x64 to fail", Await.RELEASE_STEP, () -> linuxFailed(Await.status(env, "0.30.0")));
            Files.delete(marker);
            Await.until(
                    "the retry to be taken",
                    Duration.ofSeconds(30),
                    () -> CliRun.run(env, "retry", "0.30.0", "linux-x64", "--reason", "runner fixed")
                                            .exitCode()
                                    == 0
                            ? true
                            : null);
            approveAndWatch("0.30.0");
            JsonNode settled = awaitDeliveriesSettled("0.30.0", 6);

            List<WebhookReceiver.Received> got = receiver.received();
            assertThat(got)
                    .extracting(WebhookReceiver.Received::type)
                    .containsExactly("target.failed", "release.awaiting_approval", "release.published");
            assertThat(got).allSatisfy(r -> {
                assertThat(r.signatureValid()).as("HMAC of %s", r.type()).isTrue();
                assertThat(r.body().path("id").asText()).isEqualTo(r.id());
                assertThat(r.body().path("type").asText()).isEqualTo(r.type());
            });
            assertThat(got).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
            assertThat(got.get(0).body().path("commands").toString()).contains("./fuse-release retry 0.30.0 linux-x64");
            assertThat(got.get(1).body().path("notes").asText()).contains("contract");
            assertThat(settled.path("notifications").toString()).doesNotContain(SECRET);
            String status = CliRun.run(env, "status", "0.30.0").out();
            assertThat(status)
                    .contains("release.published")
                    .containsPattern("-> #1 127\\.0\\.0\\.1 +delivered \\(HTTP 204\\)")
                    .containsPattern("-> #2 127\\.0\\.0\\.1 +given up \\(connection refused, 5 attempts\\)");
            assertThat(CliRun.run(env, "verify", "0.30.0").exitCode()).isZero();
        }
    }

    @Test
    void anOrchestratorKilledMidDeliveryResendsTheSameEventId() throws Exception {
        Path repo = data.resolve("repo-kill");
        ExampleVariants.prepare(repo, tree -> {});
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            receiver.holdFirst("release.awaiting_approval");
            Process first =
                    workers.start("orchestrator-kill-1", workers.withKey(orchestrator(notifying(receiver.url()))));
            workers.start("linux-kill", workers.linux("work-kill", Map.of()));
            start("0.31.0", repo);

            assertThat(receiver.awaitHeld(180))
                    .as("the approval request reached the receiver")
                    .isTrue();
            kill9(first);
            workers.start("orchestrator-kill-2", workers.withKey(orchestrator(notifying(receiver.url()))));
            receiver.letGo();
            approveAndWatch("0.31.0");
            awaitDeliveriesSettled("0.31.0", 2);

            Map<String, Set<String>> idsByType = new TreeMap<>();
            receiver.received()
                    .forEach(r -> idsByType
                            .computeIfAbsent(r.type(), t -> new TreeSet<>())
                            .add(r.id()));
            assertThat(idsByType.keySet()).containsExactly("release.awaiting_approval", "release.published");
            assertThat(idsByType.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
            assertThat(receiver.received().stream()
                            .filter(r -> r.type().equals("release.awaiting_approval"))
                            .count())
                    .as("the killed delivery was sent again, by the next orchestrator")
                    .isGreaterThanOrEqualTo(2);
            assertThat(receiver.received())
                    .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        }
    }

    private static Map<String, String> notifying(String endpoints) {
        return Map.of(
                "FUSE_RELEASE_NOTIFY", endpoints,
                "FUSE_RELEASE_NOTIFY_SECRET", SECRET,
                "FUSE_RELEASE_CONSOLE_URL", "http://127.0.0.1:8080/");
    }

    /** A loopback port nothing listens on: connections are refused for the whole release. */
    private static String deadEndpoint() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + probe.getLocalPort() + "/hook";
        }
    }

    /**
     * A 5 s heartbeat, as in SeparateWorkersIT: a worker of the other test that was stopped still
     * stands in the registry, and an independent rebuild sent to it waits two heartbeats before it
     * falls back to the shared queue.
     */
    private static void start(String version, Path repo) {
        CliRun started = CliRun.startLinuxX64(env, version, repo, "--heartbeat-timeout", "5s");
        assertThat(started.exitCode()).as(started.toString()).isZero();
    }

    private static Boolean linuxFailed(JsonNode status) {
        for (JsonNode t : status.path("targets")) {
            if (t.path("target").asText().equals("linux-x64")
                    && t.path("stage").asText().equals("FAILED")) return true;
        }
        return null;
    }

    private static void approveAndWatch(String version) throws Exception {
        Await.phase(env, version, "AWAITING_APPROVAL");
        CliRun approved = CliRun.run(env, "approve", version, "--approver", "alice", "--comment", "told");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        CliRun watched = CliRun.run(env, "watch", version);
        assertThat(watched.exitCode()).as(watched.toString()).isZero();
    }

    /** The status once {@code count} deliveries have each been delivered or given up. */
    private static JsonNode awaitDeliveriesSettled(String version, int count) throws Exception {
        return Await.until(count + " deliveries of " + version + " to settle", Duration.ofMinutes(2), () -> {
            JsonNode status = Await.status(env, version);
            JsonNode deliveries = status.path("notifications");
            if (deliveries.size() < count) return null;
            for (JsonNode d : deliveries) {
                String state = d.path("state").asText();
                if (!state.equals("DELIVERED") && !state.equals("GIVEN_UP")) return null;
            }
            return status;
        });
    }
}
