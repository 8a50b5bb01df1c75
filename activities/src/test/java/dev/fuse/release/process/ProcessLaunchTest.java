package dev.fuse.release.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A program file still held open for writing (ETXTBSY) is started once it is released. */
@EnabledOnOs(OS.LINUX)
class ProcessLaunchTest {
    @TempDir
    Path dir;

    private Path program() throws IOException {
        Path tool = dir.resolve("tool");
        Files.writeString(tool, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }

    @Test
    void aProgramReleasedAMomentLaterIsStarted() throws Exception {
        Path tool = program();
        FileOutputStream held = new FileOutputStream(tool.toFile(), true);
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(15);
                held.close();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();
        Process p = ProcessLaunch.start(new ProcessBuilder(tool.toString()));
        assertThat(p.waitFor()).isZero();
        release.join();
    }

    @Test
    void aProgramHeldOpenThroughoutStillFailsWithTheReason() throws Exception {
        Path tool = program();
        FileOutputStream held = new FileOutputStream(tool.toFile(), true);
        try {
            assertThatThrownBy(() -> ProcessLaunch.start(new ProcessBuilder(tool.toString())))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("error=26");
        } finally {
            held.close();
        }
    }
}
