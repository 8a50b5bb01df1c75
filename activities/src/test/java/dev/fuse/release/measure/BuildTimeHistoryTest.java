package dev.fuse.release.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BuildTimeHistoryTest {
    private final ArtifactStore store = new ArtifactStore(new InMemoryObjectStore("fuse-releases"));

    @Test
    void concurrentReleasesEachAppendTheirBuildOnce() throws Exception {
        BuildTimeHistory history = new BuildTimeHistory(store);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<List<Double>>> appends = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String run = "run-" + i;
                appends.add(pool.submit(() -> history.append("linux-x64", run, "0.1.0", 1.5)));
            }
            for (Future<List<Double>> f : appends) f.get();
        } finally {
            pool.shutdownNow();
        }
        history.append("linux-x64", "run-3", "0.1.0", 1.5); // a retried activity: counted once

        String text = new String(store.getBytes(BuildTimeHistory.key("linux-x64")), StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(12);
        for (int i = 0; i < 12; i++) assertThat(text).contains("\"runId\":\"run-" + i + "\"");
    }
}
