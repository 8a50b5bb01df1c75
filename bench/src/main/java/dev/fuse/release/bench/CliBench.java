package dev.fuse.release.bench;

import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.git.ExampleRepository;
import dev.fuse.release.policy.Percentiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * B6: the command a release manager types most, as cold processes. The installed tarball's
 * {@code bin/fuse-release status <version> --output json} (its launcher as shipped: C1, serial GC,
 * the class-data archive its first command wrote; connect, describe, query, as the baseline does)
 * against a Node.js script doing the same describe and query with Temporal's TypeScript client
 * ({@code @temporalio/client} from npm), both against one warm dev stack holding a release that
 * waits for approval, in interleaved rounds. Also {@code --help} (goal under 0.3 s), the text
 * {@code status} (which also reads the release notes and any yank marker from S3), both with the
 * archive off, and plain {@code java -jar} as the launcher ran it before, for the profile. Goal:
 * ratio at most 1.0.
 */
final class CliBench {
    static final int ROUNDS = 15;
    static final String TS_CLIENT = "@temporalio/client@1.24.0";

    private CliBench() {}

    static String run() throws Exception {
        Path work = Files.createTempDirectory("fuse-bench-b6");
        Path launcher = install(work);
        Path node = nodeClient(work);
        Path repo = work.resolve("example-repo");
        ExampleRepository.prepare(BenchSupport.HOME.resolve("examples/fuse-hello"), repo);
        try (DevStack stack = DevStack.start(work.resolve("stack"), null, 0, 0, null, true)) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.putAll(stack.env());
            env.put("FUSE_RELEASE_HOME", work.resolve("state").toString());
            env.put("USER", "bench-requester");
            Map<String, String> cli = new HashMap<>(stack.env());
            cli.put("FUSE_RELEASE_HOME", BenchSupport.HOME.toString());
            Releases.cli(
                    cli,
                    "start",
                    "--version",
                    "0.60.0",
                    "--revision",
                    "main",
                    "--repo",
                    repo.toString(),
                    "--target",
                    "linux-x64");
            Releases.await(cli, "0.60.0", "AWAITING_APPROVAL");
            return measure(work, launcher, node, env, stack.env().get("TEMPORAL_ADDRESS"));
        }
    }

    private static String measure(Path work, Path launcher, Path node, Map<String, String> env, String address)
            throws IOException, InterruptedException {
        List<String> ours = List.of(launcher.toString(), "status", "0.60.0", "--output", "json");
        List<String> text = List.of(launcher.toString(), "status", "0.60.0");
        List<String> help = List.of(launcher.toString(), "--help");
        List<String> theirs = List.of("node", node.toString(), address, "default", "fuse-release-0.60.0");
        Map<String, String> noCds = new HashMap<>(env);
        noCds.put("FUSE_RELEASE_CDS", "off");
        List<String> plainJava = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                launcher.getParent().getParent().resolve("lib/fuse-release.jar").toString(),
                "status",
                "0.60.0",
                "--output",
                "json");
        // One of each first: the launcher's first command writes the archive, node fills its caches.
        for (List<String> command : List.of(ours, help, theirs)) timed(work, env, command);
        Map<String, List<Double>> times = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            add(times, "ours", timed(work, env, ours));
            add(times, "theirs", timed(work, env, theirs));
            add(times, "help", timed(work, env, help));
            add(times, "text", timed(work, env, text));
            add(times, "ours_no_cds", timed(work, noCds, ours));
            add(times, "help_no_cds", timed(work, noCds, help));
            add(times, "plain_java", timed(work, env, plainJava));
        }
        double oursP50 = p50(times, "ours");
        double theirsP50 = p50(times, "theirs");
        double helpP50 = p50(times, "help");
        boolean met = oursP50 / theirsP50 <= 1.0 && helpP50 < 300;
        return Benchmarks.ratioLine(
                "ms",
                oursP50,
                theirsP50,
                oursP50 / theirsP50,
                met,
                String.format(
                        Locale.ROOT,
                        "help_p50=%.0fms text_status_p50=%.0fms status_no_cds_p50=%.0fms help_no_cds_p50=%.0fms"
                                + " plain_java_status_p50=%.0fms rounds=%d",
                        helpP50,
                        p50(times, "text"),
                        p50(times, "ours_no_cds"),
                        p50(times, "help_no_cds"),
                        p50(times, "plain_java"),
                        ROUNDS));
    }

    private static void add(Map<String, List<Double>> times, String key, double millis) {
        times.computeIfAbsent(key, k -> new ArrayList<>()).add(millis);
    }

    private static double p50(Map<String, List<Double>> times, String key) {
        return Percentiles.of(times.get(key), 50);
    }

    /** Wall time of one cold process (ms); it must succeed. */
    private static double timed(Path work, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("b6-last.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process p = builder.start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(
                    String.join(" ", command) + " failed: " + BenchSupport.read(work.resolve("b6-last.log")));
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** The tarball {@code ./mvnw package} built, unpacked as a platform team installs it. */
    private static Path install(Path work) throws IOException, InterruptedException {
        Path dist = BenchSupport.HOME.resolve("distribution/target");
        Path tarball;
        try (Stream<Path> files = Files.list(dist)) {
            tarball = files.filter(p -> p.getFileName().toString().endsWith(".tar.gz"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no tarball in " + dist + ": run ./mvnw package"));
        }
        Path opt = Files.createDirectories(work.resolve("opt"));
        BenchSupport.exec(work, List.of("tar", "-xzf", tarball.toString(), "-C", opt.toString()));
        String root = tarball.getFileName().toString().replace(".tar.gz", "");
        return opt.resolve(root).resolve("bin/fuse-release");
    }

    /** The script and the TypeScript client, installed from npm into the benchmark's folder. */
    private static Path nodeClient(Path work) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("node"));
        Path script = dir.resolve("b6_status.mjs");
        try (InputStream in = CliBench.class.getResourceAsStream("b6_status.mjs")) {
            if (in == null) throw new IOException("missing benchmark resource b6_status.mjs");
            Files.copy(in, script);
        }
        Files.writeString(dir.resolve("package.json"), "{\"private\": true, \"type\": \"module\"}\n");
        BenchSupport.exec(dir, List.of("npm", "install", "--no-audit", "--no-fund", "--silent", TS_CLIENT));
        return script;
    }
}
