package dev.fuse.release.e2e;

import static dev.fuse.release.e2e.WorkerProcesses.awaitPhase;
import static dev.fuse.release.e2e.WorkerProcesses.orchestrator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.devstack.DevStack;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy stops a worker with SIGTERM in the middle of a build: the build is handed back at once
 * and another worker runs it, long before the release's five-minute heartbeat timeout would have
 * noticed; the stopped worker exits 0.
 */
class GracefulShutdownIT {
    @TempDir
    static Path data;

    static DevStack stack;
    static Map<String, String> env;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(data.resolve("stack"), null, 0, 0, null, false);
        env = CliRun.envOf(stack);
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void aWorkerStoppedMidBuildHandsTheBuildBackAndExitsCleanly() throws Exception {
        Path marks = Files.createDirectories(data.resolve("marks"));
        Path slow = Files.createFile(data.resolve("slow-build"));
        Path repo = data.resolve("repo");
        ExampleVariants.prepare(
                repo,
                tree -> ExampleVariants.extraBuildStep(
                        tree,
                        120,
                        "sh",
                        "-c",
                        "pwd > " + marks + "/started-$$; if [ -e " + slow + " ]; then sleep 90; fi"));
        try (WorkerProcesses workers = new WorkerProcesses(data, env, stack.signingKey())) {
            workers.start("orchestrator", workers.withKey(orchestrator(Map.of())));
            Process a = workers.start("linux-a", workers.linux("work-a", Map.of()));
            Process b = workers.start("linux-b", workers.linux("work-b", Map.of()));
            // All three polling before the start: a loaded machine can take longer than start's pickup wait.
            workers.awaitLog("orchestrator", "polling", Duration.ofMinutes(1));
            workers.awaitLog("linux-a", "polling", Duration.ofMinutes(1));
            workers.awaitLog("linux-b", "polling", Duration.ofMinutes(1));
            CliRun started = CliRun.startLinuxX64(env, "0.40.0", repo, "--heartbeat-timeout", "5m");
            assertThat(started.exitCode()).as(started.toString()).isZero();

            WorkerProcesses.awaitAnyFile(marks);
            String where;
            try (var files = Files.list(marks)) {
                where = Files.readString(files.findFirst().orElseThrow());
            }
            Process building = where.contains("work-a") ? a : b;
            Files.delete(slow);
            long stoppedAt = System.nanoTime();
            building.destroy(); // SIGTERM, as systemd and Kubernetes stop a process
            assertThat(building.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(building.exitValue()).as("exit status after SIGTERM").isZero();

            awaitPhase(env, "0.40.0", "AWAITING_APPROVAL", Duration.ofMinutes(4));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stoppedAt);
            System.out.println("GracefulShutdownIT: staged " + seconds + " s after SIGTERM (heartbeat timeout 300 s)");
            ActivityTaskStartedEventAttributes build = WorkerProcesses.lastStarts(
                            stack.connection().client(), "fuse-release-0.40.0/linux-x64")
                    .get("BuildTarget");
            assertThat(build.getAttempt()).as("the build ran again").isEqualTo(2);
            assertThat(build.getLastFailure().hasTimeoutFailureInfo())
                    .as("attempt 1 ended by the shutdown, not by a timeout: %s", build.getLastFailure())
                    .isFalse();
            // The test server leaves last_failure empty; the stopped worker's log has the failure it reported.
            String stoppedLog = Files.readString(data.resolve((building == a ? "linux-a" : "linux-b") + ".log"));
            assertThat(stoppedLog)
                    .contains("the worker shut down (SIGTERM or a deploy) during this activity")
                    .contains("worker stopped");
        }
    }
}
