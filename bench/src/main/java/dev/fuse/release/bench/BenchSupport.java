package dev.fuse.release.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the benchmarks share: the checkout, the example's AOT binary, compiled helpers, commands. */
final class BenchSupport {
    static final Path HOME =
            Path.of(System.getProperty("fuse.home", ".")).toAbsolutePath().normalize();

    private BenchSupport() {}

    /** Builds the example's AOT binary with its own toolchain command, as the build stage does. */
    static Path exampleAotBinary(Path work) throws IOException, InterruptedException {
        Path out = work.resolve("aot");
        exec(
                HOME.resolve("examples/fuse-hello"),
                List.of(
                        "sh",
                        "toolchain/bin/fuse",
                        "build",
                        "--aot",
                        "--profile",
                        "release",
                        "--target",
                        "linux-x64",
                        "--version",
                        "0.4.0",
                        "--out",
                        out.toString()));
        return out.resolve("hello-http");
    }

    /** Compiles a C helper shipped with the benchmarks. */
    static Path compile(Path work, String resource, String name) throws IOException, InterruptedException {
        Path source = work.resolve(resource);
        try (InputStream in = BenchSupport.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing benchmark resource " + resource);
            Files.copy(in, source);
        }
        Path binary = work.resolve(name);
        exec(
                work,
                List.of(System.getenv().getOrDefault("CC", "cc"), "-O2", "-o", binary.toString(), source.toString()));
        return binary;
    }

    /** Runs a command to completion; its output goes to stderr (the figures go to stdout). */
    static void exec(Path dir, List<String> argv) throws IOException, InterruptedException {
        exec(dir, Map.of(), argv);
    }

    static void exec(Path dir, Map<String, String> env, List<String> argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("/dev/stderr")));
        builder.environment().putAll(env);
        Process p = builder.start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", argv) + " failed");
        }
    }

    /** Runs a shell pipeline and returns its wall time in milliseconds. */
    static double timedShell(Path dir, String script) throws IOException, InterruptedException {
        long start = System.nanoTime();
        exec(dir, List.of("bash", "-o", "pipefail", "-c", script));
        return (System.nanoTime() - start) / 1e6;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
