package dev.fuse.release.distribution;

import dev.fuse.release.packaging.ArchiveMember;
import dev.fuse.release.packaging.DeterministicArchiver;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes {@code fuse-release-<version>.tar.gz}: the launcher, the production jar, INSTALL.md,
 * the service and container files, and a SHA256SUMS of them, through the same deterministic
 * archiver as the releases (sorted entries, owners 0/0, every time the build's output timestamp),
 * so two builds of one commit give the same bytes. Next to it, SHA256SUMS names the tarball.
 *
 * <p>Arguments: version, output timestamp (ISO-8601), the production jar, the {@code src/dist}
 * folder, the output folder.
 */
public final class PackDistribution {
    private PackDistribution() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: PackDistribution VERSION TIMESTAMP JAR DIST_DIR OUT_DIR");
        }
        String version = args[0];
        long epoch = Instant.parse(args[1]).getEpochSecond();
        Path jar = Path.of(args[2]);
        Path dist = Path.of(args[3]);
        Path out = Path.of(args[4]);
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no production jar at " + jar + "; build the worker module first");
        }
        String root = "fuse-release-" + version;
        List<ArchiveMember> members = members(dist, jar);
        Path sums = Files.createDirectories(out.resolve("dist-sums")).resolve("SHA256SUMS");
        Files.writeString(sums, sums(members), StandardCharsets.UTF_8);
        members.add(new ArchiveMember("SHA256SUMS", sums, false));
        Path tarball = out.resolve(root + ".tar.gz");
        String sha256 = DeterministicArchiver.writeTarGz(tarball, root, members, epoch);
        Files.writeString(out.resolve("SHA256SUMS"), sha256 + "  " + tarball.getFileName() + "\n");
        System.out.println("[fuse-release] wrote " + tarball + " (sha256 " + sha256 + ")");
    }

    /** Everything under src/dist (bin/ executable), and the jar as lib/fuse-release.jar. */
    private static List<ArchiveMember> members(Path dist, Path jar) throws IOException {
        List<ArchiveMember> members = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dist.relativize(file).toString().replace('\\', '/');
                members.add(new ArchiveMember(name, file, name.startsWith("bin/")));
            }
        }
        members.add(new ArchiveMember("lib/fuse-release.jar", jar, false));
        return members;
    }

    private static String sums(List<ArchiveMember> members) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ArchiveMember m :
                members.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
            text.append(Sha256.of(m.source())).append("  ").append(m.name()).append('\n');
        }
        return text.toString();
    }
}
