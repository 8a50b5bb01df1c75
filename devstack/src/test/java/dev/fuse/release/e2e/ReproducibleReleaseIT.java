package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two full releases of the same revision and version, each on its own embedded stack and data
 * directory, under different time zones, locales and user names, publish byte-identical
 * archives and metadata. (scripts/reproducibility-check.sh adds umask and another OS user.)
 */
class ReproducibleReleaseIT {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @Test
    void twoReleasesOfOneRevisionPublishTheSameBytes(@TempDir Path data) throws Exception {
        Path example = data.resolve("example");
        copy(ExampleVariants.EXAMPLE, example);
        ExampleVariants.quick(example);
        Map<String, byte[]> first = release(example, data.resolve("first"), "UTC", Locale.US, "alice");
        // The same release key on both stacks: Ed25519 signatures are deterministic, so the signed
        // files must be identical too.
        Path key = Files.createDirectories(data.resolve("second/signing")).resolve("release-key");
        Files.copy(data.resolve("first/signing/release-key"), key);
        Map<String, byte[]> second =
                release(example, data.resolve("second"), "Pacific/Kiritimati", Locale.forLanguageTag("tr-TR"), "bob");

        assertThat(second.keySet()).isEqualTo(first.keySet());
        assertThat(first)
                .containsKeys(
                        "SHA256SUMS",
                        "SHA256SUMS.sig",
                        "allowed_signers",
                        "release-artifacts.json",
                        "fuse-aot-0.4.0-windows-x64.zip");
        assertThat(first)
                .doesNotContainKeys("provenance.intoto.json", "slo-report.json", "report.html", "approval.json");
        for (String name : first.keySet()) {
            if (name.equals("PUBLISHED.json")) {
                // It names the run whose evidence (ids, times, samples, who approved) is kept under evidence/<run>/.
                assertThat(second.get(name)).isNotEqualTo(first.get(name));
            } else {
                assertThat(second.get(name)).as(name).isEqualTo(first.get(name));
            }
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
    }

    private static Map<String, byte[]> release(Path example, Path dir, String zone, Locale locale, String user)
            throws Exception {
        TimeZone originalZone = TimeZone.getDefault();
        Locale originalLocale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            Locale.setDefault(locale);
            CliRun demo = CliRun.run(
                    Map.of("FUSE_RELEASE_HOME", HOME.toString(), "USER", user),
                    "demo",
                    "--approve",
                    "--data-dir",
                    dir.toString(),
                    "--example",
                    example.toString());
            assertThat(demo.exitCode()).as(demo.toString()).isZero();
        } finally {
            TimeZone.setDefault(originalZone);
            Locale.setDefault(originalLocale);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> published = Files.list(dir.resolve("downloads/0.4.0"))) {
            for (Path p : published.filter(Files::isRegularFile).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
