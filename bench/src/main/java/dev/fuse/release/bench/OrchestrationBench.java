package dev.fuse.release.bench;

import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.git.ExampleRepository;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * B2: orchestration overhead. On a warm dev stack (one release run first), the wall time of a
 * release of the example for its 3 targets (linux-x64 native, the other two emulated), from
 * {@code start} to published without the human's approval wait, against a plain parallel shell
 * script that runs the same recipe commands for the same targets: build, the independent
 * rebuild, the cold-start samples (one at a time on the host, as the measure stage holds the host
 * exclusively), strip and parity. Goal: overhead under 5 % of the wall time or under 2 s.
 */
final class OrchestrationBench {
    private OrchestrationBench() {}

    static String run() throws Exception {
        Path work = Files.createTempDirectory("fuse-bench-b2");
        Path repo = work.resolve("example-repo");
        ExampleRepository.prepare(BenchSupport.HOME.resolve("examples/fuse-hello"), repo);
        double ours;
        String histories;
        Map<String, double[]> oursColdStarts;
        // The worker in a JVM of its own, as in production (and `dev --no-worker` + `worker`):
        // not sharing its process with the embedded Temporal server and S3Proxy.
        try (DevStack stack = DevStack.start(work.resolve("stack"), null, 0, 0, null, false);
                BenchWorker worker = BenchWorker.start(DevStack.withKey(stack.env(), stack.signingKey()), work)) {
            Map<String, String> env = new HashMap<>(stack.env());
            env.put("FUSE_RELEASE_HOME", BenchSupport.HOME.toString());
            env.put("USER", "bench-requester");
            // Warms the stack and the worker's JVM; -Dbench.warmups=N for a steadier state than one release.
            for (int i = 0; i < Integer.getInteger("bench.warmups", 1); i++) {
                release(env, stack.connection().client(), repo, "0.49." + i);
            }
            double cpuBefore = worker.cpuSeconds();
            double stackCpuBefore = ownCpuSeconds();
            ours = release(env, stack.connection().client(), repo, "0.50.1");
            System.err.printf(
                    Locale.ROOT,
                    "B2 CPU during the release: worker JVM %.1f s, this JVM (Temporal test server, S3Proxy) %.1f s%n",
                    worker.cpuSeconds() - cpuBefore,
                    ownCpuSeconds() - stackCpuBefore);
            histories = histories(stack.connection().client(), "fuse-release-0.50.1");
            oursColdStarts = ColdStartProfile.published(stack.store(), "0.50.1");
            System.err.println("B2 worker peak RSS " + worker.peakRssKb() / 1024 + " MB");
        }
        Path client = BenchSupport.compile(work, "first_200.c", "first-200");
        Path script = work.resolve("same-commands.sh");
        try (var in = OrchestrationBench.class.getResourceAsStream("same_commands.sh")) {
            Files.copy(in, script);
        }
        double baseline = BenchSupport.timedShell(
                work, "bash " + script + " '" + repo + "' '" + work.resolve("baseline") + "' '" + client + "'");
        ColdStartProfile.print(oursColdStarts, ColdStartProfile.script(work.resolve("baseline")));
        double overhead = ours - baseline;
        boolean met = overhead <= 0.05 * ours || overhead < 2000;
        return Benchmarks.ratioLine(
                "ms",
                ours,
                baseline,
                ours / baseline,
                met,
                String.format(
                        Locale.ROOT,
                        "targets=3 overhead=%.0fms overhead_share=%.1f%% %s",
                        overhead,
                        100 * overhead / ours,
                        histories));
    }

    private static double ownCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() / 1000.0;
    }

    /** Event counts of the release and its largest child, and the largest event (payloads included). */
    private static String histories(WorkflowClient client, String id) {
        var parent = client.fetchHistory(id).getEvents();
        int childMax = 0;
        int largest = 0;
        for (String target : List.of("linux-x64", "macos-arm64", "windows-x64")) {
            var child = client.fetchHistory(id + "/" + target).getEvents();
            childMax = Math.max(childMax, child.size());
            for (var e : child) largest = Math.max(largest, e.getSerializedSize());
        }
        for (var e : parent) largest = Math.max(largest, e.getSerializedSize());
        profile(client, id);
        for (String target : List.of("linux-x64", "macos-arm64", "windows-x64")) profile(client, id + "/" + target);
        return "parent_events=" + parent.size() + " child_events_max=" + childMax + " largest_event_bytes=" + largest;
    }

    /**
     * Milliseconds from start to published, less the time the release waited for approval, by the
     * release's own history: the waits poll `status` once a second, as `watch` does.
     */
    private static double release(Map<String, String> env, WorkflowClient client, Path repo, String version)
            throws Exception {
        Releases.cli(
                env, "start", "--version", version, "--revision", ExampleRepository.BRANCH, "--repo", repo.toString());
        Releases.await(env, version, "AWAITING_APPROVAL");
        Releases.cli(env, "approve", version, "--approver", "bench-approver", "--comment", "benchmark");
        Releases.await(env, version, "PUBLISHED");
        return ReleaseTimeline.withoutApprovalWait(client, "fuse-release-" + version);
    }

    /** Where a workflow's time went: each activity's queue wait and run time, to stderr. */
    private static void profile(WorkflowClient client, String id) {
        Map<Long, HistoryEvent> scheduled = new HashMap<>();
        Map<Long, HistoryEvent> started = new HashMap<>();
        StringBuilder line = new StringBuilder("B2 profile " + id + ":");
        for (var e : client.fetchHistory(id).getEvents()) {
            if (e.hasActivityTaskScheduledEventAttributes()) scheduled.put(e.getEventId(), e);
            if (e.hasActivityTaskStartedEventAttributes()) started.put(e.getEventId(), e);
            if (e.hasActivityTaskCompletedEventAttributes()) {
                var done = e.getActivityTaskCompletedEventAttributes();
                var start = started.get(done.getStartedEventId());
                var sched = scheduled.get(done.getScheduledEventId());
                if (start == null || sched == null) continue; // not in this page of history
                line.append(String.format(
                        Locale.ROOT,
                        " %s wait=%dms run=%dms;",
                        sched.getActivityTaskScheduledEventAttributes()
                                .getActivityType()
                                .getName(),
                        millis(start) - millis(sched),
                        millis(e) - millis(start)));
            }
        }
        System.err.println(line);
    }

    private static long millis(HistoryEvent e) {
        return ReleaseTimeline.millis(e);
    }
}
