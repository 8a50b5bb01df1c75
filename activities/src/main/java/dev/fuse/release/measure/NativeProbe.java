package dev.fuse.release.measure;

import dev.fuse.release.process.Executables;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cold-start probe as a small C program ({@code cold_start_probe.c}), compiled once per worker
 * with the host's {@code cc}: it times fork to first HTTP 200 outside any JVM, so the probe's own
 * compilation and collection never land inside a sample, which is what made the JVM probe's p95
 * two to three times hyperfine's. Without a C compiler the JVM probe ({@link ColdStartMeter})
 * stays, and the measurement protocol says which one measured.
 */
public final class NativeProbe {
    /** How readiness is detected, as the measurement protocol records it. */
    public static final String METHOD = "native probe (C, CLOCK_MONOTONIC): fork/exec to the first HTTP 200 to"
            + " GET /, a new TCP connection per probe, 20 us apart for the first 20 ms, then every 1 ms";

    static final String SOURCE = "cold_start_probe.c";
    private static final Logger log = LoggerFactory.getLogger(NativeProbe.class);

    /**
     * The digest of each probe this process compiled. Build steps run as the worker's user beside
     * this folder: a probe replaced by a step would report whatever it likes for later releases,
     * so a binary is reused only while its bytes are the ones this process made.
     */
    private static final Map<Path, String> COMPILED = new ConcurrentHashMap<>();

    private NativeProbe() {}

    /**
     * The probe, compiled into {@code dir} (the worker's own work folder) on first use and again
     * whenever its bytes changed, or empty when this host cannot compile it.
     */
    public static Optional<Path> compiled(Path dir) {
        try {
            byte[] source = source();
            Path binary = dir.resolve("cold-start-probe-" + Sha256.of(source).substring(0, 12));
            String made = COMPILED.get(binary);
            if (made != null && Files.isExecutable(binary) && made.equals(Sha256.of(binary))) {
                return Optional.of(binary);
            }
            Optional<Path> cc = Executables.onPath("cc", System.getenv("PATH"));
            if (cc.isEmpty()) {
                log.info("no cc on PATH: cold starts are probed from the sampler JVM");
                return Optional.empty();
            }
            return Optional.of(compile(cc.get(), source, dir, binary));
        } catch (IOException e) {
            log.warn("the native cold-start probe did not compile ({}); probing from the sampler JVM", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Compiled beside its final name and moved there: two activities compiling at once both end well. */
    private static Path compile(Path cc, byte[] source, Path dir, Path binary)
            throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory(Files.createDirectories(dir), "probe-");
        try {
            Path c = Files.write(scratch.resolve(SOURCE), source);
            Path out = scratch.resolve("probe");
            Process cc1 = new ProcessBuilder(List.of(cc.toString(), "-O2", "-o", out.toString(), c.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(scratch.resolve("cc.log").toFile())
                    .start();
            if (!cc1.waitFor(60, TimeUnit.SECONDS) || cc1.exitValue() != 0) {
                cc1.destroyForcibly();
                throw new IOException("cc failed: "
                        + Files.readString(scratch.resolve("cc.log")).strip());
            }
            String digest = Sha256.of(out);
            Files.move(out, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            COMPILED.put(binary, digest);
            return binary;
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(scratch);
        }
    }

    private static byte[] source() throws IOException {
        try (InputStream in = NativeProbe.class.getResourceAsStream(SOURCE)) {
            if (in == null) throw new IOException("missing resource " + SOURCE);
            return in.readAllBytes();
        }
    }
}
