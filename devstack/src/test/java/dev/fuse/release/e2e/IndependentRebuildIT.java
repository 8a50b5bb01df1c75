package dev.fuse.release.e2e;

import static dev.fuse.release.e2e.WorkerProcesses.awaitPhase;
import static dev.fuse.release.e2e.WorkerProcesses.orchestrator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.devstack.DevStack;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two linux-x64 workers as separate processes: the reproducibility rebuild runs on the one that
 * did not build, as Temporal's own history tells (the identity of the worker that started each
 * activity), and the status says so. A stack of its own, so that no worker of another test is in
 * the registry.
 */
class IndependentRebuildIT {
    @TempDir
    Path data;

    @Test
    void theRebuildRunsOnTheOtherLinuxWorker() throws Exception {
        try (DevStack stack = DevStack.start(data.resolve("stack"), null, 0, 0, null, false)) {
            Map<String, String> env = CliRun.envOf(stack);
            Path repo = data.resolve("repo");
            ExampleVariants.prepare(repo, tree -> {});
            try (WorkerProcesses workers = new WorkerProcesses(data, env, stack.signingKey())) {
                workers.start("orchestrator", workers.withKey(orchestrator(Map.of())));
                workers.start("linux-a", workers.linux("work-a", Map.of()));
                workers.start("linux-b", workers.linux("work-b", Map.of()));
                workers.awaitLog("linux-a", "worker polling", Duration.ofMinutes(1));
                workers.awaitLog("linux-b", "worker polling", Duration.ofMinutes(1));

                CliRun started = CliRun.startLinuxX64(env, "0.16.0", repo);
                assertThat(started.exitCode()).as(started.toString()).isZero();
                JsonNode waiting = awaitPhase(env, "0.16.0", "AWAITING_APPROVAL", Duration.ofMinutes(3));

                Map<String, String> ranOn = startedBy(stack, "fuse-release-0.16.0/linux-x64");
                assertThat(ranOn.get("CheckReproducible"))
                        .as("the rebuild's worker")
                        .isNotNull()
                        .isNotEqualTo(ranOn.get("BuildTarget"));
                assertThat(waiting.path("targets").get(0).path("detail").asText())
                        .contains("reproduced (rebuilt on another worker");
            }
        }
    }

    /** Activity type -> identity of the worker that started its last attempt, from the history. */
    private static Map<String, String> startedBy(DevStack stack, String workflowId) {
        Map<Long, String> types = new HashMap<>();
        Map<String, String> identities = new HashMap<>();
        for (HistoryEvent e :
                stack.connection().client().fetchHistory(workflowId).getEvents()) {
            if (e.hasActivityTaskScheduledEventAttributes()) {
                types.put(
                        e.getEventId(),
                        e.getActivityTaskScheduledEventAttributes()
                                .getActivityType()
                                .getName());
            } else if (e.hasActivityTaskStartedEventAttributes()) {
                var started = e.getActivityTaskStartedEventAttributes();
                identities.put(types.get(started.getScheduledEventId()), started.getIdentity());
            }
        }
        return identities;
    }
}
