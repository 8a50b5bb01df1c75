package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.devstack.DevStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball {@code ./mvnw package} builds, as a platform team installs it: checked against its
 * SHA256SUMS, unpacked into an empty folder, run with an empty HOME and no source tree. Its
 * launcher starts a signer (the only process given the release key), an orchestrator and a
 * linux-x64 worker against a dev stack without workers, and its CLI starts, approves and verifies
 * a release of the example.
 */
class InstalledTarballIT {
    static final Path DIST = ExampleVariants.HOME.resolve("distribution/target");

    @TempDir
    Path data;

    private final List<Process> started = new ArrayList<>();

    @Test
    void theInstalledWorkersReleaseTheExampleAndTheInstalledCliVerifiesIt() throws Exception {
        Path tarball = tarball();
        assertThat(Files.readString(DIST.resolve("SHA256SUMS")))
                .isEqualTo(sha256(tarball) + "  " + tarball.getFileName() + "\n");
        Path install = Files.createDirectories(data.resolve("opt"));
        assertThat(new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", install.toString())
                        .inheritIO()
                        .start()
                        .waitFor())
                .isZero();
        String root = tarball.getFileName().toString().replace(".tar.gz", "");
        Path launcher = install.resolve(root).resolve("bin/fuse-release");
        Map<String, String> machine = Map.of(
                "PATH",
                Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin",
                "HOME",
                Files.createDirectories(data.resolve("empty-home")).toString());

        assertThat(run(launcher, machine, "--version"))
                .startsWith("fuse-release ")
                .contains("(commit ");
        try (DevStack stack = DevStack.start(data.resolve("stack"), null, 0, 0, null, false)) {
            Map<String, String> env = new HashMap<>(machine);
            env.putAll(stack.env());
            env.put("USER", "release-manager");
            try {
                Path orchestrator = worker(launcher, env, "orchestrator", Map.of("FUSE_RELEASE_TARGETS", "none"));
                Path linux = worker(
                        launcher,
                        env,
                        "linux",
                        Map.of("FUSE_RELEASE_TARGETS", "linux-x64", "FUSE_RELEASE_ORCHESTRATOR", "false"));
                Path signer = worker(
                        launcher,
                        DevStack.withKey(env, stack.signingKey()),
                        "signer",
                        Map.of("FUSE_RELEASE_TARGETS", "none", "FUSE_RELEASE_ORCHESTRATOR", "false"));
                awaitLog(orchestrator, "polling [fuse-release]");
                awaitLog(linux, "polling [fuse-release-linux-x64");
                awaitLog(signer, "polling [fuse-release-signer]");

                Path repo = data.resolve("repo");
                ExampleVariants.prepare(repo, tree -> {});
                run(
                        launcher,
                        env,
                        "start",
                        "--version",
                        "0.18.0",
                        "--revision",
                        "main",
                        "--repo",
                        repo.toString(),
                        "--target",
                        "linux-x64");
                Map<String, String> cli = CliRun.envOf(stack);
                Await.phase(cli, "0.18.0", "AWAITING_APPROVAL");
                run(launcher, env, "approve", "0.18.0", "--approver", "alice", "--comment", "installed");
                Await.phase(cli, "0.18.0", "PUBLISHED");
                assertThat(run(launcher, env, "verify", "0.18.0")).contains("0.18.0");
            } finally {
                started.forEach(Process::destroyForcibly);
            }
        }
        // The launcher kept its logs and state under the empty HOME, never in the install folder.
        assertThat(data.resolve("empty-home/.local/state/fuse-release/.fuse-release/logs"))
                .isDirectory();
        try (Stream<Path> files = Files.walk(install)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals(".fuse-release")))
                    .isEmpty();
        }
    }

    private static Path tarball() throws IOException {
        try (Stream<Path> files = Files.list(DIST)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".tar.gz"))
                    .toList();
            assertThat(found).as("one tarball in " + DIST + " (./mvnw package)").hasSize(1);
            return found.get(0);
        }
    }

    /** A launcher command with exactly {@code env}; its output, after asserting exit 0. */
    private String run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).directory(data.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", args) + ":\n" + out).isZero();
        return out;
    }

    private Path worker(Path launcher, Map<String, String> env, String name, Map<String, String> role)
            throws IOException {
        Path log = data.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "worker")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(data.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().putAll(role);
        pb.environment()
                .put("FUSE_RELEASE_WORK_DIR", data.resolve("work-" + name).toString());
        started.add(pb.start());
        return log;
    }

    private static void awaitLog(Path log, String text) throws Exception {
        Await.until(
                log + " to say '" + text + "'",
                Duration.ofMinutes(1),
                () -> Files.exists(log) && Files.readString(log).contains(text) ? log : null);
    }

    private static String sha256(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.substring(0, 64);
    }
}
