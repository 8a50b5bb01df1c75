package dev.fuse.release.measure;

import dev.fuse.release.process.CommandRunner;
import dev.fuse.release.process.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Cold start of an HTTP service: from spawning the process to the first successful response
 * (HTTP 200 to {@code GET /}). Readiness is probed back to back for the first 20 ms: a refused
 * connect on loopback returns in tens of microseconds, so the moment the service answers is known
 * to within one probe, far below the millisecond an AOT start takes (a 1 ms poll would add up to
 * a third of a 3 ms start). After that probes are 1 ms apart (at most 5 % of a start that long,
 * 0.3 % of a JIT start of hundreds of milliseconds), which leaves the measured process its cores. Each sample reports the gap between its
 * last two probes, the resolution of that sample. The process tree is killed after each sample.
 */
public final class ColdStartMeter {
    /** How readiness is detected, as the measurement protocol records it. */
    public static final String METHOD =
            "TCP connect + HTTP/1.0 GET / until 200: back to back for the first 20 ms, then every 1 ms";

    /**
     * A spinning probe takes a core from the process it measures: fine for the milliseconds of an
     * AOT start, a handicap for a JIT start of hundreds. After this long, probes are spaced.
     */
    static final long SPIN_NANOS = 20_000_000;

    /**
     * Spelled out with parkNanos: {@code Thread.sleep(0, 200_000)}, used before, sleeps a whole
     * millisecond on JDK 17 (it rounds nanoseconds up), so this is what the probe always did.
     */
    static final long SPACING_NANOS = 1_000_000;

    private ColdStartMeter() {}

    /**
     * @param millis spawn to the first HTTP 200
     * @param resolutionMicros the gap between the last refused probe and the one that succeeded
     */
    public record Sample(double millis, double resolutionMicros) {}

    public static double sampleMillis(List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        return sample(command, dir, env, timeout).millis();
    }

    public static Sample sample(List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        int port = LoopbackPorts.free();
        ProcessBuilder builder = launcher(command, dir, env, port);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = start + timeout.toNanos();
            long previousProbe = start;
            for (long probe = start; probe < deadline; probe = System.nanoTime()) {
                if (answers200(port)) {
                    return new Sample((System.nanoTime() - start) / 1_000_000.0, (probe - previousProbe) / 1_000.0);
                }
                if (!process.isAlive()) {
                    throw new IOException(
                            String.join(" ", command) + " exited with " + process.exitValue() + " before answering");
                }
                if (Thread.interrupted()) throw new InterruptedException("cold start measurement interrupted");
                if (probe - start > SPIN_NANOS) LockSupport.parkNanos(SPACING_NANOS);
                previousProbe = probe;
            }
            throw new IOException(String.join(" ", command) + " did not answer on port " + port + " within "
                    + timeout.toSeconds() + " s");
        } finally {
            CommandRunner.destroyTree(process);
        }
    }

    /** How a sample starts the service: output discarded, {@code env} and {@code PORT} set. */
    static ProcessBuilder launcher(List<String> command, Path dir, Map<String, String> env, int port) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        return builder;
    }

    static boolean answers200(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            String status = new String(head, StandardCharsets.US_ASCII);
            return status.startsWith("HTTP/1.") && status.endsWith("200");
        } catch (IOException e) {
            return false;
        }
    }
}
