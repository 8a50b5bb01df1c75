package dev.fuse.release.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerDirectoryTest {
    @TempDir
    Path work;

    @Test
    void aStartingWorkerRemovesWhatADeadOneLeftAndLeavesLiveOnesAlone() throws Exception {
        // A worker killed with -9: its folder and lock file remain, nobody holds the lock.
        Path dead = Files.createDirectories(work.resolve("worker-4242-abc/build-linux-x64-123/out"));
        Files.writeString(dead.resolve("half-built"), "x");
        Files.createFile(work.resolve("worker-4242-abc.lock"));
        try (WorkerDirectory live = WorkerDirectory.claim(work)) {
            Files.writeString(live.path().resolve("in-progress"), "y");
            assertThat(work.resolve("worker-4242-abc")).doesNotExist();
            assertThat(work.resolve("worker-4242-abc.lock")).doesNotExist();

            try (WorkerDirectory second = WorkerDirectory.claim(work)) {
                assertThat(live.path().resolve("in-progress")).exists();
                assertThat(second.path()).isNotEqualTo(live.path());
            }
        }
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }
}
