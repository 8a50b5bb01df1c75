package dev.fuse.release.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files inside the workspace may become archive members, whatever links say. */
class ConfinedFilesTest {
    @TempDir
    Path workspace;

    @TempDir
    Path elsewhere;

    @Test
    void aRegularFileInsideTheWorkspaceIsPackaged() throws Exception {
        Path out = Files.createDirectories(workspace.resolve("out"));
        Files.writeString(out.resolve("LICENSE"), "MIT\n");

        Path source = new ConfinedFiles(workspace).resolve("a.tar.gz", out, "LICENSE");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConfinedFiles.copy(new ArchiveMember("LICENSE", source, false), bytes);
        assertThat(bytes.toString()).isEqualTo("MIT\n");
    }

    @Test
    void aLinkInsideTheWorkspaceToAnotherFileInsideIsFollowed() throws Exception {
        Path out = Files.createDirectories(workspace.resolve("out"));
        Path real = Files.writeString(workspace.resolve("LICENSE.txt"), "MIT\n");
        Files.createSymbolicLink(out.resolve("LICENSE"), real);

        assertThat(new ConfinedFiles(workspace).resolve("a.tar.gz", out, "LICENSE"))
                .isEqualTo(real.toRealPath());
    }

    @Test
    void aFileReplacedByALinkToEtcPasswdIsRefusedNamingTheMember() throws Exception {
        Path out = Files.createDirectories(workspace.resolve("out"));
        Files.createSymbolicLink(out.resolve("LICENSE"), Path.of("/etc/passwd"));

        assertThatThrownBy(
                        () -> new ConfinedFiles(workspace).resolve("fuse-aot-0.4.0-linux-x64.tar.gz", out, "LICENSE"))
                .isInstanceOf(BadArchiveException.class)
                .hasMessageContaining("fuse-aot-0.4.0-linux-x64.tar.gz: entry 'LICENSE'")
                .hasMessageContaining("resolves to /etc/passwd, outside the build workspace");
    }

    @Test
    void aLinkedDirectoryLeavingTheWorkspaceIsRefused() throws Exception {
        Path out = Files.createDirectories(workspace.resolve("out"));
        Files.writeString(elsewhere.resolve("secret"), "s3cr3t\n");
        Files.createSymbolicLink(out.resolve("etcdir"), elsewhere);

        assertThatThrownBy(() -> new ConfinedFiles(workspace).resolve("a.tar.gz", out, "etcdir/secret"))
                .isInstanceOf(BadArchiveException.class)
                .hasMessageContaining("entry 'etcdir/secret'")
                .hasMessageContaining("outside the build workspace");
    }

    @Test
    void aLinkUpwardsWithDotDotIsRefused() throws Exception {
        Path out = Files.createDirectories(workspace.resolve("out"));
        Files.writeString(elsewhere.resolve("x"), "x");
        Files.createSymbolicLink(out.resolve("up"), out.relativize(elsewhere.resolve("x")));

        assertThatThrownBy(() -> new ConfinedFiles(workspace).resolve("a.tar.gz", out, "up"))
                .isInstanceOf(BadArchiveException.class)
                .hasMessageContaining("outside the build workspace");
    }

    @Test
    void aFifoADirectoryAndADanglingLinkAreRefusedWithTheirReason() throws Exception {
        Path out = Files.createDirectories(workspace.resolve("out"));
        Process mkfifo = new ProcessBuilder("mkfifo", out.resolve("pipe").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Files.createDirectories(out.resolve("dir"));
        Files.createSymbolicLink(out.resolve("dangling"), out.resolve("nothing-here"));
        ConfinedFiles confined = new ConfinedFiles(workspace);

        assertThatThrownBy(() -> confined.resolve("a", out, "pipe")).hasMessageContaining("a device, FIFO or socket");
        assertThatThrownBy(() -> confined.resolve("a", out, "dir")).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> confined.resolve("a", out, "dangling"))
                .hasMessageContaining("link to a file that does not exist");
        assertThatThrownBy(() -> confined.resolve("a", Path.of("/dev"), "null"))
                .isInstanceOf(BadArchiveException.class);
    }

    @Test
    void aMissingMemberIsReportedAsNotProduced() throws Exception {
        Path out = Files.createDirectories(workspace.resolve("out"));
        assertThatThrownBy(() -> new ConfinedFiles(workspace).resolve("a", out, "hello-http"))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aFileThatChangesBetweenCheckAndReadIsRefused() throws Exception {
        Path file = Files.writeString(workspace.resolve("LICENSE"), "MIT\n");
        Path checked = new ConfinedFiles(workspace).resolve("a", workspace, "LICENSE");
        Files.delete(file);
        Files.createSymbolicLink(file, Path.of("/etc/passwd"));

        assertThatThrownBy(() -> DeterministicArchiver.writeTarGz(
                        workspace.resolve("a.tar.gz"),
                        "r",
                        List.of(new ArchiveMember("LICENSE", checked, false)),
                        1767225600L))
                .hasMessageContaining("LICENSE");
    }

    @Test
    void aHardLinkToAFileOutsideTheWorkspaceIsRefusedNamingTheMember() throws Exception {
        Path out = Files.createDirectories(workspace.resolve("out"));
        Path outside = Files.writeString(elsewhere.resolve("passwd"), "root:x:0:0\n");
        Files.createLink(out.resolve("LICENSE"), outside);

        assertThatThrownBy(
                        () -> new ConfinedFiles(workspace).resolve("fuse-aot-0.4.0-linux-x64.tar.gz", out, "LICENSE"))
                .isInstanceOf(BadArchiveException.class)
                .hasMessageContaining("entry 'LICENSE'")
                .hasMessageContaining("is a hard link")
                .hasMessageContaining("copy the file, do not link it");
    }

    @Test
    void aHardLinkInsideTheWorkspaceIsRefusedToo() throws Exception {
        Path out = Files.createDirectories(workspace.resolve("out"));
        Path original = Files.writeString(workspace.resolve("LICENSE.txt"), "MIT\n");
        Files.createLink(out.resolve("LICENSE"), original);

        assertThatThrownBy(() -> new ConfinedFiles(workspace).resolve("a.tar.gz", out, "LICENSE"))
                .isInstanceOf(BadArchiveException.class)
                .hasMessageContaining("is a hard link (the file has 2 names)");
    }

    @Test
    void aMemberNameWithANewlineOrAnEscapeIsRefusedShownEscaped() throws Exception {
        Path out = Files.createDirectories(workspace.resolve("out"));
        Files.writeString(out.resolve("a\nb"), "x");
        Files.writeString(out.resolve("c\u001b[31m"), "x");

        assertThatThrownBy(() -> new ConfinedFiles(workspace).resolve("a.tar.gz", out, "a\nb"))
                .isInstanceOf(BadArchiveException.class)
                .hasMessageContaining("entry 'a\\nb'")
                .hasMessageContaining("U+000A")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> new ConfinedFiles(workspace).resolve("a.tar.gz", out, "c\u001b[31m"))
                .hasMessageContaining("entry 'c\\u001B[31m'");
    }
}
