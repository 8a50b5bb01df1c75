package dev.fuse.release.workflow;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes workflow histories for {@link ReplayTest} when the build runs with
 * {@code -Dfuse.recordHistories=DIR}. Each recording is a new generation ({@code <name>-vN.json},
 * the first free N; a name without suffix is generation 1): a frozen fixture of an older shape is
 * never overwritten, so what a running release recorded keeps being replayed.
 */
final class HistoryRecorder {
    private HistoryRecorder() {}

    static void record(WorkflowClient client, String name, String workflowId) throws IOException {
        String dir = System.getProperty("fuse.recordHistories");
        if (dir == null) return;
        Path folder = Files.createDirectories(Path.of(dir));
        Path file = nextFree(folder, name);
        // CREATE_NEW: fail rather than replace a fixture that appeared meanwhile.
        Files.writeString(file, client.fetchHistory(workflowId).toJson(true), StandardOpenOption.CREATE_NEW);
    }

    static Path nextFree(Path folder, String name) {
        if (!Files.exists(folder.resolve(name + ".json"))) {
            return folder.resolve(name + ".json");
        }
        for (int generation = 2; ; generation++) {
            Path candidate = folder.resolve(name + "-v" + generation + ".json");
            if (!Files.exists(candidate)) return candidate;
        }
    }
}
