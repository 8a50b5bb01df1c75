package dev.fuse.release.e2e;

import static dev.fuse.release.e2e.WorkerProcesses.awaitPhase;
import static dev.fuse.release.e2e.WorkerProcesses.lastAttempts;
import static dev.fuse.release.e2e.WorkerProcesses.orchestrator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.devstack.FaultProxy;
import java.net.InetSocketAddress;
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

/**
 * Outages between the workers and the services they need, made by cutting a {@link FaultProxy}
 * that the workers (separate JVMs) reach the S3 endpoint and the Temporal frontend through, while
 * the release manager's CLI talks to both directly:
 *
 * <ul>
 *   <li>Temporal unreachable from the workers for 12 s mid-build (more than twice the release's
 *       heartbeat timeout: the server gives the build up and retries it once the worker is back);
 *   <li>S3 unreachable for 15 s mid-staging, after the first staged object;
 *   <li>S3 unreachable for 15 s mid-publish, after the first public object.
 * </ul>
 *
 * Activities retry, workers reconnect, the release publishes and verifies with nothing unlisted.
 * The outages are as long as they must be to fail an activity attempt (the S3 client's own
 * retries span about a second, Temporal's backoff starts at one), not longer: what a longer
 * outage adds is more attempts of the same kind, which the soak script drills.
 */
class OutageIT {
    static final Duration S3_OUTAGE = Duration.ofSeconds(15);
    static final Duration TEMPORAL_OUTAGE = Duration.ofSeconds(12);

    @TempDir
    static Path data;

    static DevStack stack;
    static FaultProxy s3;
    static FaultProxy temporal;
    static Map<String, String> env;
    static WorkerProcesses workers;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(data.resolve("stack"), null, 0, 0, null, false);
        env = CliRun.envOf(stack);
        URI s3Endpoint = URI.create(env.get("AWS_ENDPOINT_URL_S3"));
        s3 = FaultProxy.start(0, new InetSocketAddress(s3Endpoint.getHost(), s3Endpoint.getPort()));
        String[] frontend = env.get("TEMPORAL_ADDRESS").split(":");
        temporal = FaultProxy.start(0, new InetSocketAddress(frontend[0], Integer.parseInt(frontend[1])));
        Map<String, String> workerEnv = new HashMap<>(env);
        workerEnv.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3.port());
        workerEnv.put("TEMPORAL_ADDRESS", "127.0.0.1:" + temporal.port());
        workers = new WorkerProcesses(data, workerEnv, stack.signingKey());
    }

    @AfterAll
    static void stopAll() throws Exception {
        workers.close();
        s3.close();
        temporal.close();
        stack.close();
    }

    @Test
    void aReleaseRidesOutTemporalAndS3OutagesMidBuildMidStagingAndMidPublish() throws Exception {
        Path marks = Files.createDirectories(data.resolve("build-marks"));
        Path repo = data.resolve("repo");
        ExampleVariants.prepare(
                repo,
                tree -> ExampleVariants.extraBuildStep(
                        tree, 120, "sh", "-c", "touch " + marks + "/started-$$; sleep 6"));
        // Each failpoint holds its activity 3 s: time to cut the store exactly there.
        workers.start(
                "orchestrator",
                workers.withKey(orchestrator(Map.of("FUSE_RELEASE_FAILPOINTS", "publish.after-first-object=3s"))));
        workers.start("linux", workers.linux("work", Map.of("FUSE_RELEASE_FAILPOINTS", "stage.after-first-upload=3s")));
        CliRun started = CliRun.startLinuxX64(env, "0.16.0", repo, "--heartbeat-timeout", "5s");
        assertThat(started.exitCode()).as(started.toString()).isZero();

        WorkerProcesses.awaitAnyFile(marks);
        outage(temporal, TEMPORAL_OUTAGE);
        workers.awaitLog("linux", "failpoint stage.after-first-upload reached", Duration.ofMinutes(3));
        outage(s3, S3_OUTAGE);
        awaitPhase(env, "0.16.0", "AWAITING_APPROVAL", Duration.ofMinutes(4));
        CliRun approved = CliRun.run(env, "approve", "0.16.0", "--approver", "alice", "--comment", "rode it out");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        workers.awaitLog("orchestrator", "failpoint publish.after-first-object reached", Duration.ofMinutes(2));
        outage(s3, S3_OUTAGE);

        CliRun watched = CliRun.run(env, "watch", "0.16.0");
        assertThat(watched.exitCode()).as(watched.toString()).isZero();
        CliRun verified = CliRun.run(env, "verify", "0.16.0");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("none unlisted");
        assertThat(lastAttempts(stack.connection().client(), "fuse-release-0.16.0/linux-x64")
                        .get("BuildTarget"))
                .as("the build was retried after the outages")
                .isGreaterThan(1);
        assertThat(lastAttempts(stack.connection().client(), "fuse-release-0.16.0")
                        .get("Publish"))
                .as("publishing was retried after the store came back")
                .isGreaterThan(1);
    }

    private static void outage(FaultProxy proxy, Duration length) throws InterruptedException {
        proxy.cut();
        try {
            Thread.sleep(length.toMillis());
        } finally {
            proxy.restore();
        }
    }
}
