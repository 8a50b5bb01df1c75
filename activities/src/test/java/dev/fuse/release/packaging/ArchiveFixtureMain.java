package dev.fuse.release.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the same archives as {@link CrossJdkArchiveTest} does in-process; run by that test under
 * another JDK to prove the bytes do not depend on the Java version.
 */
public final class ArchiveFixtureMain {
    private ArchiveFixtureMain() {}

    public static void main(String[] args) throws Exception {
        write(Path.of(args[0]), Path.of(args[1]));
    }

    static void write(Path inputs, Path out) throws Exception {
        Files.createDirectories(out);
        List<ArchiveMember> members = List.of(
                new ArchiveMember("hello-http", inputs.resolve("hello-http"), true),
                new ArchiveMember("LICENSE", inputs.resolve("LICENSE"), false));
        DeterministicArchiver.writeTarGz(out.resolve("a.tar.gz"), "fuse-aot-0.4.0-linux-x64", members, 1767225600L);
        DeterministicArchiver.writeZip(out.resolve("a.zip"), "fuse-aot-0.4.0-windows-x64", members, 1767225600L);
        VsixPackager.write(
                inputs.resolve("vscode"),
                List.of("package.json"),
                "0.4.0",
                1767225600L,
                out.resolve("a.vsix"),
                new ConfinedFiles(inputs));
    }
}
