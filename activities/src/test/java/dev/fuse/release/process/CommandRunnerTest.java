package dev.fuse.release.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {
    @TempDir
    Path dir;

    @Test
    void outputGoesToTheLogAndTheTailKeepsTheLastLines() throws Exception {
        Path log = dir.resolve("step.log");
        CommandRunner.Outcome o = CommandRunner.run(
                List.of("sh", "-c", "for i in $(seq 1 30); do echo line $i; done; echo oops >&2; exit 3"),
                dir,
                Map.of(),
                Duration.ofSeconds(30),
                log,
                () -> {});
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(o.succeeded()).isFalse();
        assertThat(Files.readString(log)).contains("line 1\n").contains("oops");
        assertThat(o.tail().lines().count()).isEqualTo(20);
        assertThat(o.tail()).endsWith("oops").doesNotContain("line 1\n");
    }

    @Test
    void aCommandPastItsTimeoutIsKilledWithItsChildren() throws Exception {
        Path log = dir.resolve("slow.log");
        Path marker = dir.resolve("child-survived");
        AtomicInteger ticks = new AtomicInteger();
        long started = System.nanoTime();
        CommandRunner.Outcome o = CommandRunner.run(
                List.of("sh", "-c", "(sleep " + CHILD_SECONDS + "; touch " + marker + ") & sleep 60"),
                dir,
                Map.of(),
                Duration.ofSeconds(1),
                log,
                ticks::incrementAndGet);
        assertThat(o.timedOut()).isTrue();
        assertThat(o.exitCode()).isEqualTo(124);
        assertThat(ticks.get()).isPositive();
        assertThat(Files.readString(log)).contains("killed after the step's timeout of 1 s");
        waitPastTheChild(started);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCancelledActivityKillsItsBuildAndEverythingTheBuildStarted() throws Exception {
        Path log = dir.resolve("cancelled.log");
        Path marker = dir.resolve("child-survived-cancel");
        IllegalStateException cancelled = new IllegalStateException("activity cancelled (heartbeat)");
        AtomicInteger ticks = new AtomicInteger();
        long started = System.nanoTime();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandRunner.run(
                        List.of("sh", "-c", "(sleep " + CHILD_SECONDS + "; touch " + marker + ") & sleep 60"),
                        dir,
                        Map.of(),
                        Duration.ofSeconds(120),
                        log,
                        () -> {
                            // The first heartbeat is the one that learns of the cancellation.
                            if (ticks.incrementAndGet() >= 1) throw cancelled;
                        }))
                .isSameAs(cancelled);

        // Zombies count as alive to the OS, so the proof is what the killed child would have done.
        waitPastTheChild(started);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aDaemonThatLeftTheProcessTreeIsKilledWithTheBuildsProcessGroup() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcessGroups.available(), "no setsid on this host");
        Path log = dir.resolve("daemon.log");
        Path marker = dir.resolve("daemon-survived");
        // The inner shell exits at once: its background child is reparented, no descendant any more.
        long started = System.nanoTime();
        CommandRunner.Outcome o = CommandRunner.run(
                List.of("sh", "-c", "sh -c '(sleep " + CHILD_SECONDS + "; touch " + marker + ") &'; sleep 60"),
                dir,
                Map.of(),
                Duration.ofSeconds(1),
                log,
                () -> {});
        assertThat(o.timedOut()).isTrue();
        waitPastTheChild(started);
        assertThat(marker).doesNotExist();
    }

    @Test
    void environmentIsPassedToTheCommand() throws Exception {
        Path log = dir.resolve("env.log");
        CommandRunner.Outcome o = CommandRunner.run(
                List.of("sh", "-c", "echo epoch=$SOURCE_DATE_EPOCH"),
                dir,
                Map.of("SOURCE_DATE_EPOCH", "1767225600"),
                Duration.ofSeconds(10),
                log,
                () -> {});
        assertThat(o.succeeded()).isTrue();
        assertThat(o.tail()).isEqualTo("epoch=1767225600");
    }

    @Test
    void theCommandGetsOnlyTheEnvironmentItIsGivenNeverTheWorkers() throws Exception {
        Path log = dir.resolve("env-only.log");
        CommandRunner.Outcome o = CommandRunner.run(
                List.of("sh", "-c", "echo home=$HOME user=$USER path=$PATH"),
                dir,
                Map.of("PATH", "/usr/bin:/bin"),
                Duration.ofSeconds(10),
                log,
                () -> {});

        assertThat(o.tail()).isEqualTo("home= user= path=/usr/bin:/bin");
    }

    /**
     * A child that survived would touch its marker this long after the step started: past the
     * 1 s timeout and the first heartbeat (about a second), with room for a loaded machine.
     */
    private static final int CHILD_SECONDS = 3;

    /** Returns half a second after a surviving child would have touched its marker. */
    private static void waitPastTheChild(long startedNanos) throws InterruptedException {
        long until = startedNanos + (CHILD_SECONDS * 1000L + 500) * 1_000_000L;
        long left = until - System.nanoTime();
        if (left > 0) Thread.sleep(left / 1_000_000L + 1);
    }
}
