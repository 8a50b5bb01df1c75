package dev.fuse.release.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.process.ProcessGroups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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

    @Test
    void theBuildsOfAWorkerKilledWithMinus9AreKilledByTheNextWorker() throws Exception {
        Assumptions.assumeTrue(ProcessGroups.available(), "no setsid on this host");
        Path marker = work.resolve("orphan-finished");
        // What a killed worker leaves: a build's process group still running, recorded in its folder.
        Process orphan = new ProcessBuilder("setsid", "sh", "-c", "(sleep 3; touch " + marker + ") & sleep 60")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        awaitGroupLeader(orphan.pid());
        Path groups = Files.createDirectories(work.resolve("worker-4243-abc").resolve(WorkerDirectory.GROUPS));
        Files.writeString(groups.resolve(Long.toString(orphan.pid())), "");
        Files.createFile(work.resolve("worker-4243-abc.lock"));

        try (WorkerDirectory next = WorkerDirectory.claim(work)) {
            assertThat(next.path().resolve(WorkerDirectory.GROUPS)).isDirectory();
            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(3500);
            assertThat(marker).as("the group's background child was killed too").doesNotExist();
        }
    }

    /** setsid runs a moment after the process starts; until then the pid leads no group of its own. */
    private static void awaitGroupLeader(long pid) throws Exception {
        for (int i = 0; i < 100; i++) {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            if (stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2].equals(Long.toString(pid))) return;
            Thread.sleep(50);
        }
        throw new AssertionError("process " + pid + " never became a process group leader");
    }
}
