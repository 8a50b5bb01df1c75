package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.devstack.DevStack;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Workers as their own JVMs ({@code java -jar fuse-release.jar worker}, as on a native runner),
 * each logging to {@code <name>.log}, for the kill -9 and outage tests; and the polling those
 * tests share. Every process started is killed on {@link #close}.
 */
final class WorkerProcesses implements AutoCloseable {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = HOME.resolve("worker/target/fuse-release.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path logs;
    private final Map<String, String> env;
    private final Path signingKey;
    private final List<Process> started = new ArrayList<>();

    /**
     * @param env the stack's variables (and anything the tests add) every worker inherits: without
     *     the release key, which only the workers a test makes signers get
     * @param signingKey the stack's release key
     */
    WorkerProcesses(Path logs, Map<String, String> env, Path signingKey) {
        this.logs = logs;
        this.env = env;
        this.signingKey = signingKey;
    }

    /** A worker JVM named {@code name}, with {@code extra} variables over the shared ones. */
    Process start(String name, Map<String, String> extra) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The test JVMs' own flags (fuse.testJvm in the pom): worker JVMs of a test live a minute.
        command.addAll(List.of(System.getProperty("fuse.testJvm", "").split(" +")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("-jar", JAR.toString(), "worker"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        pb.environment().putAll(extra);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** A linux-x64 target worker (no orchestrator) working in {@code workDir}, plus {@code extra}. */
    Map<String, String> linux(String workDir, Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>(extra);
        vars.put("FUSE_RELEASE_TARGETS", "linux-x64");
        vars.put("FUSE_RELEASE_ORCHESTRATOR", "false");
        vars.put("FUSE_RELEASE_WORK_DIR", logs.resolve(workDir).toString());
        return vars;
    }

    /** A worker of the signer's queue only, holding the release key, plus {@code extra}. */
    Map<String, String> signer(Map<String, String> extra) {
        Map<String, String> vars = withKey(extra);
        vars.put("FUSE_RELEASE_TARGETS", "none");
        vars.put("FUSE_RELEASE_ORCHESTRATOR", "false");
        return vars;
    }

    /** {@code vars} and the release key: that worker also serves the signer's queue. */
    Map<String, String> withKey(Map<String, String> vars) {
        return DevStack.withKey(vars, signingKey);
    }

    /** An orchestrator without the release key (it plans, gathers and waits; the signer publishes). */
    static Map<String, String> orchestrator(Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>(extra);
        vars.put("FUSE_RELEASE_TARGETS", "none");
        return vars;
    }

    /** SIGKILL on Linux: no shutdown hook, no graceful worker stop. */
    static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
    }

    /** Waits until worker {@code name}'s log contains {@code text}. */
    void awaitLog(String name, String text, Duration timeout) throws Exception {
        Path log = logs.resolve(name + ".log");
        Await.until(
                name + " to log '" + text + "' (see " + log + ")",
                timeout,
                () -> Files.exists(log) && Files.readString(log).contains(text) ? log : null);
    }

    /** Waits until some file appears in {@code dir} (a build step's mark); fails after two minutes. */
    static void awaitAnyFile(Path dir) throws Exception {
        Await.until("a build step to start (a mark in " + dir + ")", Duration.ofMinutes(2), () -> {
            try (var files = Files.list(dir)) {
                return files.findAny().orElse(null);
            }
        });
    }

    /** Polls {@code status --output json} until the release reaches {@code phase}; fails if it ends first. */
    static JsonNode awaitPhase(Map<String, String> env, String version, String phase, Duration timeout)
            throws Exception {
        return Await.phase(env, version, phase, timeout);
    }

    /** The highest attempt at which each activity type started in a workflow's history. */
    static Map<String, Integer> lastAttempts(WorkflowClient client, String workflowId) {
        Map<String, Integer> attempts = new HashMap<>();
        lastStarts(client, workflowId).forEach((type, started) -> attempts.put(type, started.getAttempt()));
        return attempts;
    }

    /** The start of each activity type's highest attempt in a workflow's history (what ended the one before). */
    static Map<String, ActivityTaskStartedEventAttributes> lastStarts(WorkflowClient client, String workflowId) {
        Map<Long, String> types = new HashMap<>();
        Map<String, ActivityTaskStartedEventAttributes> starts = new HashMap<>();
        for (HistoryEvent e : client.fetchHistory(workflowId).getEvents()) {
            if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
                types.put(
                        e.getEventId(),
                        e.getActivityTaskScheduledEventAttributes()
                                .getActivityType()
                                .getName());
            } else if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
                var started = e.getActivityTaskStartedEventAttributes();
                starts.merge(
                        types.get(started.getScheduledEventId()),
                        started,
                        (a, b) -> a.getAttempt() >= b.getAttempt() ? a : b);
            }
        }
        return starts;
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : started) {
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join();
        }
    }
}
