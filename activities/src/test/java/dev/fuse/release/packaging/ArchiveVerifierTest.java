package dev.fuse.release.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken archives made here, each rejected with the offending entry named. */
class ArchiveVerifierTest {
    private static final String ROOT = "fuse-aot-0.4.0-linux-x64";

    @TempDir
    Path dir;

    /** Writes a tar.gz from (name, content) pairs; a null content makes a directory. */
    private Path tar(String file, TarArchiveEntry... entries) throws IOException {
        Path path = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(path);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry e : entries) {
                tar.putArchiveEntry(e);
                if (e.isFile()) tar.write(new byte[(int) e.getSize()]);
                tar.closeArchiveEntry();
            }
        }
        return path;
    }

    private static TarArchiveEntry file(String name) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(3);
        return e;
    }

    private static TarArchiveEntry link(String name, String target, byte type) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setLinkName(target);
        return e;
    }

    private Path goodTar() throws IOException {
        return tar(
                "good.tar.gz",
                new TarArchiveEntry(ROOT + "/", true),
                file(ROOT + "/hello-http"),
                file(ROOT + "/LICENSE"));
    }

    @Test
    void aWellFormedArchivePassesAndReportsTheExecutableDigest() throws Exception {
        ArchiveVerifier.Verified v = ArchiveVerifier.verify(
                goodTar(), ArchiveFormat.TAR_GZ, ROOT, List.of("hello-http", "LICENSE"), "hello-http");
        assertThat(v.entries()).isEqualTo(3);
        assertThat(v.executableSha256()).isEqualTo(Sha256.of(new byte[3]));
    }

    @Test
    void pathEscapingWithDotDotIsRejected() throws Exception {
        Path bad = tar("slip.tar.gz", file(ROOT + "/hello-http"), file(ROOT + "/../../etc/cron.d/evil"));
        assertRejected(bad, ArchiveFormat.TAR_GZ, "'" + ROOT + "/../../etc/cron.d/evil'", "escapes the archive");
    }

    @Test
    void absolutePathsAreRejected() throws Exception {
        TarArchiveEntry abs = new TarArchiveEntry("/etc/passwd", true);
        abs.setSize(3);
        Path bad = tar("abs.tar.gz", file(ROOT + "/hello-http"), abs);
        assertRejected(bad, ArchiveFormat.TAR_GZ, "'/etc/passwd'", "absolute path");
    }

    @Test
    void symlinksPointingOutsideAreRejected() throws Exception {
        Path bad = tar(
                "symlink.tar.gz",
                file(ROOT + "/hello-http"),
                link(ROOT + "/lib", "../../../usr/lib", TarConstants.LF_SYMLINK));
        assertRejected(bad, ArchiveFormat.TAR_GZ, "'" + ROOT + "/lib'", "symlink points outside");
    }

    @Test
    void symlinksInsideAreAccepted() throws Exception {
        Path ok = tar(
                "inside.tar.gz",
                file(ROOT + "/hello-http"),
                link(ROOT + "/run", "hello-http", TarConstants.LF_SYMLINK));
        assertThat(ArchiveVerifier.verify(ok, ArchiveFormat.TAR_GZ, ROOT, List.of("hello-http"), null)
                        .entries())
                .isEqualTo(2);
    }

    @Test
    void hardLinksToFilesOutsideTheArchiveAreRejected() throws Exception {
        Path bad = tar(
                "hardlink.tar.gz",
                file(ROOT + "/hello-http"),
                link(ROOT + "/shadow", "/etc/shadow", TarConstants.LF_LINK));
        assertRejected(bad, ArchiveFormat.TAR_GZ, "'" + ROOT + "/shadow'", "hard link to absolute");
    }

    @Test
    void duplicateEntriesAreRejected() throws Exception {
        Path bad = tar("dup.tar.gz", file(ROOT + "/hello-http"), file(ROOT + "/hello-http"));
        assertRejected(bad, ArchiveFormat.TAR_GZ, "'" + ROOT + "/hello-http'", "duplicate entry");
    }

    @Test
    void deviceFilesAreRejected() throws Exception {
        TarArchiveEntry dev = new TarArchiveEntry(ROOT + "/null", TarConstants.LF_CHR, true);
        Path bad = tar("dev.tar.gz", file(ROOT + "/hello-http"), dev);
        assertRejected(bad, ArchiveFormat.TAR_GZ, "'" + ROOT + "/null'", "device");
    }

    @Test
    void truncatedGzipIsRejected() throws Exception {
        Path good = goodTar();
        byte[] bytes = Files.readAllBytes(good);
        Path bad = Files.write(dir.resolve("truncated.tar.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 12));
        assertThatThrownBy(() -> ArchiveVerifier.verify(bad, ArchiveFormat.TAR_GZ, ROOT, List.of("hello-http"), null))
                .isInstanceOf(BadArchiveException.class)
                .hasMessageStartingWith("truncated.tar.gz")
                .hasMessageContaining("unreadable or truncated");
    }

    @Test
    void missingExpectedMembersAreNamed() throws Exception {
        assertThatThrownBy(() -> ArchiveVerifier.verify(
                        goodTar(), ArchiveFormat.TAR_GZ, ROOT, List.of("hello-http", "README.md"), null))
                .isInstanceOf(BadArchiveException.class)
                .hasMessageContaining("'" + ROOT + "/README.md'")
                .hasMessageContaining("expected member is missing");
    }

    @Test
    void zipWithACorruptedMemberFailsItsCrc() throws Exception {
        Path zip = dir.resolve("crc.zip");
        byte[] content = "hello hello hello hello".getBytes(StandardCharsets.UTF_8);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry e = new ZipArchiveEntry(ROOT + "/hello-http.exe");
            e.setMethod(ZipArchiveEntry.STORED);
            e.setSize(content.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(content);
            e.setCrc(crc.getValue());
            out.putArchiveEntry(e);
            out.write(content);
            out.closeArchiveEntry();
        }
        byte[] bytes = Files.readAllBytes(zip);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("hello hello");
        bytes[at] = 'j';
        Files.write(zip, bytes);
        assertRejected(zip, ArchiveFormat.ZIP, "'" + ROOT + "/hello-http.exe'", "CRC mismatch");
    }

    @Test
    void zipSlipIsRejected() throws Exception {
        Path zip = dir.resolve("slip.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (String name : List.of(ROOT + "/hello-http.exe", "../../evil.sh")) {
                out.putArchiveEntry(new ZipArchiveEntry(name));
                out.write(1);
                out.closeArchiveEntry();
            }
        }
        assertRejected(zip, ArchiveFormat.ZIP, "'../../evil.sh'", "escapes the archive");
    }

    private void assertRejected(Path archive, ArchiveFormat format, String entry, String reason) {
        assertThatThrownBy(() -> ArchiveVerifier.verify(archive, format, ROOT, List.of(), null))
                .isInstanceOf(BadArchiveException.class)
                .hasMessageStartingWith(archive.getFileName().toString())
                .hasMessageContaining("entry " + entry)
                .hasMessageContaining(reason);
    }
}
