package dev.fuse.release.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One dev stack per checkout owns the env file; a second one is refused and never deletes it. */
class DevEnvFileTest {
    @TempDir
    Path home;

    @Test
    void aSecondClaimIsRefusedWhileTheFirstRunsAndTheFileOutlivesTheRefusal() throws Exception {
        Path file = home.resolve(".fuse-release/dev/env");
        try (DevEnvFile first = DevEnvFile.claim(file).orElseThrow()) {
            first.write(Map.of("TEMPORAL_ADDRESS", "127.0.0.1:7233"));

            Optional<DevEnvFile> second = DevEnvFile.claim(file);

            assertThat(second).isEmpty();
            assertThat(Files.readString(file)).contains("TEMPORAL_ADDRESS=127.0.0.1:7233");
            assertThat(DevEnvFile.owner(file))
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aStackStartedAfterTheFirstStoppedOwnsTheFile() throws Exception {
        Path file = home.resolve(".fuse-release/dev/env");
        DevEnvFile.claim(file).orElseThrow().close();
        try (DevEnvFile again = DevEnvFile.claim(file).orElseThrow()) {
            again.write(Map.of("A", "1"));
            assertThat(Files.readString(file)).contains("A=1");
        }
    }

    @Test
    void aStackInAnotherProcessRefusesTheClaimUntilItDies() throws Exception {
        Path file = home.resolve(".fuse-release/dev/env");
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldLock.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(5))).isEqualTo("held\n");
            assertThat(DevEnvFile.claim(file)).isEmpty();
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        // kill -9 leaves no owner behind: the OS released the lock with the process.
        try (DevEnvFile claimed = DevEnvFile.claim(file).orElseThrow()) {
            assertThat(claimed.path()).isEqualTo(file);
        }
    }

    /** Claims the env file in another process and keeps it until killed. */
    public static final class HoldLock {
        public static void main(String[] args) throws Exception {
            DevEnvFile.claim(Path.of(args[0])).orElseThrow();
            System.out.print("held\n");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
