package dev.fuse.release.e2e;

import static dev.fuse.release.e2e.WorkerProcesses.awaitPhase;
import static dev.fuse.release.e2e.WorkerProcesses.orchestrator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.devstack.DevStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment that forgot the signer: the approved release waits in PUBLISHING, and status says
 * what it waits for; a signer started then publishes it, and status stops saying so. A stack of
 * its own: workers killed by another class's tests leave polls behind on theirs.
 */
class SignerWaitIT {
    @TempDir
    Path data;

    @Test
    void anApprovedReleaseWaitsForASignerAndStatusSaysSo() throws Exception {
        try (DevStack stack = DevStack.start(data.resolve("stack"), null, 0, 0, null, false);
                WorkerProcesses workers = new WorkerProcesses(data, CliRun.envOf(stack), stack.signingKey())) {
            Map<String, String> env = CliRun.envOf(stack);
            Path repo = data.resolve("repo");
            ExampleVariants.prepare(repo, tree -> {});
            workers.start("orchestrator", orchestrator(Map.of()));
            workers.start("linux", workers.linux("work", Map.of()));
            workers.awaitLog("orchestrator", "polling", Duration.ofMinutes(1));
            workers.awaitLog("linux", "polling", Duration.ofMinutes(1));
            CliRun started = CliRun.startLinuxX64(env, "0.17.0", repo);
            assertThat(started.exitCode()).as(started.toString()).isZero();
            awaitPhase(env, "0.17.0", "AWAITING_APPROVAL", Duration.ofMinutes(3));
            CliRun approved = CliRun.run(env, "approve", "0.17.0", "--approver", "alice", "--comment", "no signer yet");
            assertThat(approved.exitCode()).as(approved.toString()).isZero();
            awaitPhase(env, "0.17.0", "PUBLISHING", Duration.ofMinutes(1));
            Await.until("status to say the release waits for a signer", Duration.ofSeconds(30), () -> {
                CliRun status = CliRun.run(env, "status", "0.17.0");
                return status.out().contains("publishing waits for a signer") ? status : null;
            });

            workers.start("signer", workers.signer(Map.of()));
            awaitPhase(env, "0.17.0", "PUBLISHED", Duration.ofMinutes(2));
            CliRun verified = CliRun.run(env, "verify", "0.17.0");
            assertThat(verified.exitCode()).as(verified.toString()).isZero();
            assertThat(CliRun.run(env, "status", "0.17.0").out()).doesNotContain("waits for a signer");
        }
    }
}
