package dev.fuse.release.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicArchiverTest {
    private static final long EPOCH = 1767225600L; // 2026-01-01T00:00:00Z

    @TempDir
    Path dir;

    private List<ArchiveMember> members() throws IOException {
        Path bin = Files.writeString(dir.resolve("hello-http"), "#!/bin/sh\necho hello\n");
        Path license = Files.writeString(dir.resolve("LICENSE"), "MIT\n");
        Path doc = Files.createDirectories(dir.resolve("doc")).resolve("guide.md");
        Files.writeString(doc, "# guide\n");
        return new ArrayList<>(List.of(
                new ArchiveMember("hello-http", bin, true),
                new ArchiveMember("LICENSE", license, false),
                new ArchiveMember("doc/guide.md", doc, false)));
    }

    @Test
    void sameInputsGiveSameBytesWhateverTheMemberOrderAndTimeZone() throws Exception {
        List<ArchiveMember> members = members();
        Path first = dir.resolve("a.tar.gz");
        Path firstZip = dir.resolve("a.zip");
        DeterministicArchiver.writeTarGz(first, "fuse-aot-0.4.0-linux-x64", members, EPOCH);
        DeterministicArchiver.writeZip(firstZip, "fuse-aot-0.4.0-windows-x64", members, EPOCH);
        TimeZone original = TimeZone.getDefault();
        try {
            for (String zone : List.of("Pacific/Kiritimati", "America/St_Johns", "UTC")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                Collections.shuffle(members, new Random(zone.hashCode()));
                Path again = dir.resolve(zone.replace('/', '_') + ".tar.gz");
                Path againZip = dir.resolve(zone.replace('/', '_') + ".zip");
                // Touch the sources: file times must not leak into the archive.
                for (ArchiveMember m : members) {
                    Files.setLastModifiedTime(
                            m.source(),
                            java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 99_000));
                }
                DeterministicArchiver.writeTarGz(again, "fuse-aot-0.4.0-linux-x64", members, EPOCH);
                DeterministicArchiver.writeZip(againZip, "fuse-aot-0.4.0-windows-x64", members, EPOCH);
                assertThat(Sha256.of(again)).as("tar.gz in " + zone).isEqualTo(Sha256.of(first));
                assertThat(Sha256.of(againZip)).as("zip in " + zone).isEqualTo(Sha256.of(firstZip));
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void gnuTarSeesSortedEntriesRootOwnedWithFixedTimesAndModes() throws Exception {
        Path archive = dir.resolve("a.tar.gz");
        DeterministicArchiver.writeTarGz(archive, "fuse-aot-0.4.0-linux-x64", members(), EPOCH);
        List<String> lines = run("tar", "--utc", "-tvzf", archive.toString());
        assertThat(lines).hasSize(5);
        assertThat(lines).allSatisfy(l -> assertThat(l).contains(" 0/0 ").contains("2026-01-01 00:00"));
        assertThat(lines)
                .extracting(l -> l.substring(l.lastIndexOf(' ') + 1))
                .containsExactly(
                        "fuse-aot-0.4.0-linux-x64/",
                        "fuse-aot-0.4.0-linux-x64/LICENSE",
                        "fuse-aot-0.4.0-linux-x64/doc/",
                        "fuse-aot-0.4.0-linux-x64/doc/guide.md",
                        "fuse-aot-0.4.0-linux-x64/hello-http");
        assertThat(lines.get(4)).startsWith("-rwxr-xr-x");
        assertThat(lines.get(1)).startsWith("-rw-r--r--");
        assertThat(lines.get(0)).startsWith("drwxr-xr-x");
    }

    @Test
    void zipinfoSeesUtcWallClockTimesUnixModesAndTheExtendedTimestamp() throws Exception {
        Path archive = dir.resolve("a.zip");
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            DeterministicArchiver.writeZip(archive, "fuse-cli-0.4.0-windows-x64", members(), EPOCH);
        } finally {
            TimeZone.setDefault(original);
        }
        List<String> lines = run("zipinfo", archive.toString());
        List<String> entries = lines.stream().filter(l -> l.contains(" unx ")).toList();
        assertThat(entries)
                .hasSize(5)
                .allSatisfy(l -> assertThat(l).contains("26-Jan-01 00:00").contains(" bx "));
        assertThat(entries.get(4)).startsWith("-rwxr-xr-x").endsWith("hello-http");
        assertThat(run("unzip", "-t", archive.toString()))
                .anySatisfy(l -> assertThat(l).contains("No errors detected"));
    }

    @Test
    void unzipRestoresTheExactOddSecondWhichDosTimeCannotHold() throws Exception {
        long odd = EPOCH + 1;
        Path archive = dir.resolve("odd.zip");
        DeterministicArchiver.writeZip(archive, "r", members(), odd);
        Path out = Files.createDirectories(dir.resolve("unzipped"));
        run("unzip", "-q", archive.toString(), "-d", out.toString());
        assertThat(Files.getLastModifiedTime(out.resolve("r/LICENSE")).toMillis())
                .isEqualTo(odd * 1000);
    }

    @Test
    void zipTimesBeforeNineteenEightyAreClamped() {
        assertThat(DeterministicArchiver.zipTime(0)).isEqualTo(DeterministicArchiver.zipTime(315532800L));
    }

    @Test
    void vsixHasTheVsceLayoutAndTheReleaseVersion() throws Exception {
        Path ext = Files.createDirectories(dir.resolve("vscode"));
        Files.writeString(
                ext.resolve("package.json"),
                "{\"name\":\"fuse-vscode\",\"publisher\":\"fuse-lang\",\"version\":\"0.0.0\",\"engines\":{\"vscode\":\"^1.90.0\"}}");
        Files.writeString(ext.resolve("extension.js"), "module.exports = {};\n");
        Path vsix = dir.resolve("fuse-vscode-0.4.0.vsix");
        VsixPackager.write(ext, List.of("package.json", "extension.js"), "0.4.0", EPOCH, vsix, new ConfinedFiles(dir));
        ArchiveVerifier.verify(
                vsix,
                ArchiveFormat.ZIP,
                "",
                List.of(
                        "[Content_Types].xml",
                        "extension.vsixmanifest",
                        "extension/package.json",
                        "extension/extension.js"),
                null);
        List<String> names = run("zipinfo", "-1", vsix.toString());
        assertThat(names)
                .containsExactly(
                        "[Content_Types].xml",
                        "extension.vsixmanifest",
                        "extension/",
                        "extension/extension.js",
                        "extension/package.json");
        String manifest = String.join("\n", run("unzip", "-p", vsix.toString(), "extension.vsixmanifest"));
        assertThat(manifest).contains("Id=\"fuse-vscode\" Version=\"0.4.0\" Publisher=\"fuse-lang\"");
        String pkg = String.join("\n", run("unzip", "-p", vsix.toString(), "extension/package.json"));
        assertThat(pkg).contains("\"version\": \"0.4.0\"");
    }

    static List<String> run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out.lines().toList();
    }
}
