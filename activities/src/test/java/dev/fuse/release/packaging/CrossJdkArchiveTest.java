package dev.fuse.release.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fuse.release.support.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives written by JDK 17 (this JVM) and by JDK 25 (a child JVM) are byte-identical. */
class CrossJdkArchiveTest {
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @Test
    void jdk25WritesTheSameBytesAsJdk17UnderAnotherTimeZoneAndUmaskLikePermissions(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(JDK25), "JDK 25 is not installed at " + JDK25);
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Files.writeString(inputs.resolve("hello-http"), "\u007fELF pretend binary\n");
        Files.writeString(inputs.resolve("LICENSE"), "MIT\n");
        Files.createDirectories(inputs.resolve("vscode"));
        Files.writeString(
                inputs.resolve("vscode/package.json"),
                "{\"name\":\"fuse-vscode\",\"publisher\":\"fuse-lang\",\"version\":\"0.0.0\"}");
        ArchiveFixtureMain.write(inputs, dir.resolve("jdk17"));

        // Permissions as a umask of 077 would leave them: modes must not leak into the archive.
        Files.setPosixFilePermissions(inputs.resolve("LICENSE"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(inputs.resolve("hello-http"), PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder jdk25 = new ProcessBuilder(
                        JDK25.toString(),
                        "-Duser.language=tr",
                        "-Duser.country=TR",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ArchiveFixtureMain.class.getName(),
                        inputs.toString(),
                        dir.resolve("jdk25").toString())
                .inheritIO();
        jdk25.environment().put("TZ", "Asia/Kolkata");
        Process p = jdk25.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        for (String name : List.of("a.tar.gz", "a.zip", "a.vsix")) {
            assertThat(Sha256.of(dir.resolve("jdk25").resolve(name)))
                    .as(name)
                    .isEqualTo(Sha256.of(dir.resolve("jdk17").resolve(name)));
        }
    }
}
