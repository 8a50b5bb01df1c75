package dev.fuse.release.bench;

import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.git.ExampleRepository;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * B4: scale. Part one releases a 64-target synthetic matrix (synthetic-01 to synthetic-64, each
 * built, rebuilt, measured and checked for parity like linux-x64 by an emulating worker, with three
 * cold-start samples instead of twenty) and reports the history sizes: goal, parent history under
 * 2,000 events and no event over 16 KB. Part two starts 20 releases of the example at once and
 * reports their wall time to the last publish and the worker's peak RSS. Both parts run against
 * one worker process of their own ({@code java -jar fuse-release.jar worker}), so its RSS is its
 * own and not the benchmark's.
 */
final class ScaleBench {
    static final int WIDTH = 64;
    static final int CONCURRENT = 20;
    private static final int MAX_EVENT_BYTES = 16 * 1024;
    private static final int MAX_PARENT_EVENTS = 2000;

    private ScaleBench() {}

    static String run() throws Exception {
        Path work = Files.createTempDirectory("fuse-bench-b4");
        Path synthetic = work.resolve("synthetic-repo");
        Path example = work.resolve("example-repo");
        ExampleRepository.prepare(
                BenchSupport.HOME.resolve("examples/fuse-hello"), synthetic, ScaleBench::syntheticProject);
        ExampleRepository.prepare(BenchSupport.HOME.resolve("examples/fuse-hello"), example);
        try (DevStack stack = DevStack.start(work.resolve("stack"), null, 0, 0, null, false);
                BenchWorker worker = BenchWorker.start(DevStack.withKey(stack.env(), stack.signingKey()), work)) {
            Map<String, String> env = new HashMap<>(stack.env());
            env.put("FUSE_RELEASE_HOME", BenchSupport.HOME.toString());
            env.put("USER", "bench-requester");
            List<String> targets = new ArrayList<>();
            for (int n = 1; n <= WIDTH; n++) targets.add(String.format(Locale.ROOT, "synthetic-%02d", n));
            long wideStart = System.nanoTime();
            Releases.startAndPublish(env, synthetic, List.of("0.64.0"), targets);
            double wideSeconds = (System.nanoTime() - wideStart) / 1e9;
            Histories wide = Histories.of(stack.connection().client(), "fuse-release-0.64.0", targets);
            List<String> versions = new ArrayList<>();
            for (int i = 1; i <= CONCURRENT; i++) versions.add("0.20." + i);
            long manyStart = System.nanoTime();
            Releases.startAndPublish(env, example, versions, List.of());
            double manySeconds = (System.nanoTime() - manyStart) / 1e9;
            long peakRssKb = worker.peakRssKb();
            boolean met = wide.parentEvents < MAX_PARENT_EVENTS && wide.largestEventBytes <= MAX_EVENT_BYTES;
            return String.format(
                    Locale.ROOT,
                    "targets=%d wide_release_s=%.1f parent_events=%d child_events_max=%d largest_event_bytes=%d"
                            + " largest_event=%s goal=%s concurrent_releases=%d published=%d concurrent_wall_s=%.1f"
                            + " worker_peak_rss_mb=%d",
                    WIDTH,
                    wideSeconds,
                    wide.parentEvents,
                    wide.childEventsMax,
                    wide.largestEventBytes,
                    wide.largestEvent,
                    met ? "met" : "missed",
                    CONCURRENT,
                    versions.size(),
                    manySeconds,
                    peakRssKb / 1024);
        }
    }

    /**
     * The example, made to accept synthetic target ids and to take three cold-start samples: the
     * builds stay real, only cheaper.
     */
    private static void syntheticProject(Path tree) throws IOException {
        Path toolchain = tree.resolve("toolchain/bin/fuse");
        String script = Files.readString(toolchain, StandardCharsets.UTF_8);
        Files.writeString(
                toolchain,
                script.replace("linux-x64|macos-arm64|windows-x64)", "linux-x64|macos-arm64|windows-x64|synthetic-*)"),
                StandardCharsets.UTF_8);
        Path recipe = tree.resolve("fuse-release.json");
        String text = Files.readString(recipe, StandardCharsets.UTF_8);
        Files.writeString(
                recipe,
                text.replace("\"coldStartRuns\": 20", "\"coldStartRuns\": 3")
                        .replace("\"warmupRuns\": 2", "\"warmupRuns\": 0"),
                StandardCharsets.UTF_8);
    }

    /** Event counts of a release and its children, and its largest event with payloads. */
    record Histories(int parentEvents, int childEventsMax, int largestEventBytes, String largestEvent) {
        static Histories of(WorkflowClient client, String id, List<String> targets) {
            List<HistoryEvent> parent = client.fetchHistory(id).getEvents();
            int childMax = 0;
            HistoryEvent largest = parent.get(0);
            String where = id;
            for (HistoryEvent e : parent) {
                if (e.getSerializedSize() > largest.getSerializedSize()) largest = e;
            }
            for (String target : targets) {
                List<HistoryEvent> child =
                        client.fetchHistory(id + "/" + target).getEvents();
                childMax = Math.max(childMax, child.size());
                for (HistoryEvent e : child) {
                    if (e.getSerializedSize() > largest.getSerializedSize()) {
                        largest = e;
                        where = id + "/" + target;
                    }
                }
            }
            return new Histories(
                    parent.size(),
                    childMax,
                    largest.getSerializedSize(),
                    where + "#" + largest.getEventId() + ":"
                            + largest.getEventType().name().replace("EVENT_TYPE_", ""));
        }
    }
}
