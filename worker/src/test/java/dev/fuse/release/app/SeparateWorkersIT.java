package dev.fuse.release.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.devstack.DevStack;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers as separate processes against {@code dev --no-worker}'s stack, and kill -9: the target
 * worker dies mid-build and the orchestrator with it; replacement processes finish the release
 * (the build's second attempt on the new worker after the heartbeat timeout), and the published
 * release verifies.
 */
class SeparateWorkersIT {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = HOME.resolve("worker/target/fuse-release.jar");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static DevStack stack;
    static Map<String, String> env;
    static final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(data.resolve("stack"), null, 0, 0, null, false);
        env = new HashMap<>(stack.env());
        env.put("FUSE_RELEASE_HOME", HOME.toString());
        env.put("USER", "release-manager");
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        stack.close();
    }

    @Test
    void aReleaseSurvivesKill9OfItsTargetWorkerMidBuildAndOfTheOrchestrator() throws Exception {
        Path marks = Files.createDirectories(data.resolve("build-marks"));
        Path repo = data.resolve("repo");
        ExampleVariants.prepare(
                repo,
                tree -> ExampleVariants.extraBuildStep(
                        tree, 120, "sh", "-c", "touch " + marks + "/started-$$; sleep 6"));
        env.put("FUSE_RELEASE_REPO", repo.toString());
        Process orchestrator = worker("orchestrator-1", Map.of("FUSE_RELEASE_TARGETS", "none"));
        Process builder = worker("linux-1", linuxWorker("work-1"));

        CliRun started = CliRun.run(env, "start", "--version", "0.14.0", "--revision", "main", "--target", "linux-x64");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        awaitFile(marks);
        kill9(builder);
        kill9(orchestrator);

        worker("orchestrator-2", Map.of("FUSE_RELEASE_TARGETS", "none"));
        worker("linux-2", linuxWorker("work-2"));
        awaitPhase("AWAITING_APPROVAL", Duration.ofMinutes(3));
        assertThat(CliRun.run(env, "approve", "0.14.0", "--approver", "alice", "--comment", "survived")
                        .exitCode())
                .isZero();
        CliRun watched = CliRun.run(env, "watch", "0.14.0");
        assertThat(watched.exitCode()).as(watched.toString()).isZero();

        CliRun verified = CliRun.run(env, "verify", "0.14.0");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        List<Integer> buildAttempts =
                stack.connection().client().fetchHistory("fuse-release-0.14.0/linux-x64").getEvents().stream()
                        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                        .map(HistoryEvent::getActivityTaskStartedEventAttributes)
                        .map(a -> a.getAttempt())
                        .toList();
        assertThat(buildAttempts)
                .as("the killed build was retried on the new worker")
                .contains(2);
    }

    private static Map<String, String> linuxWorker(String workDir) {
        return Map.of(
                "FUSE_RELEASE_TARGETS", "linux-x64",
                "FUSE_RELEASE_ORCHESTRATOR", "false",
                "FUSE_RELEASE_WORK_DIR", data.resolve(workDir).toString());
    }

    /** {@code ./fuse-release worker} as its own JVM, with the stack's variables plus {@code extra}. */
    private static Process worker(String name, Map<String, String> extra) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toString(),
                        "worker")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        pb.environment().putAll(extra);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful worker stop
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
    }

    private static void awaitFile(Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isPresent()) return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no build step started; see the worker logs in " + data);
    }

    private static void awaitPhase(String phase, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode s = null;
        while (System.nanoTime() < deadline) {
            s = JSON.readTree(
                    CliRun.run(env, "status", "0.14.0", "--output", "json").out());
            if (s.path("phase").asText().equals(phase)) return;
            assertThat(s.path("phase").asText()).as("ended early: %s", s).isNotIn("FAILED", "REJECTED");
            Thread.sleep(500);
        }
        throw new AssertionError("0.14.0 never reached " + phase + ": " + s);
    }
}
