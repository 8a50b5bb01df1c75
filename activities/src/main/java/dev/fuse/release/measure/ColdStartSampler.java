package dev.fuse.release.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.process.ProcessLaunch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The measure stage's sampler: takes the cold starts (warm-ups first, then AOT and JIT
 * alternately, so that drift on the host touches both alike). Where the native probe times each
 * start, the worker runs this loop itself ({@link SamplerProcess}). Without it the samples are
 * timed by Java code, and this class runs as a JVM of its own: it reads one {@link Request} as
 * JSON on stdin and prints each sample as one JSON line. Kept apart from the worker so that what
 * competes with the measured service is this small, quiet process (interpreter and C1 only,
 * serial GC, a 64 MB heap), not a worker JVM that is compiling, collecting and talking to
 * Temporal. When its reader goes away (the worker died) it stops at the next sample.
 */
public final class ColdStartSampler {
    /**
     * What to sample; commands run in {@code dir} with this process's environment; an empty
     * {@code jit}: AOT only.
     *
     * @param probe the compiled {@link NativeProbe} that takes each sample, or null to probe from
     *     this JVM ({@link ColdStartMeter})
     */
    public record Request(
            List<String> aot,
            List<String> jit,
            String dir,
            int warmupRuns,
            int coldStartRuns,
            long timeoutMillis,
            String probe) {}

    /** One printed line: a sample, or the one error that ended the run. */
    public record Line(String mode, boolean warmup, double millis, double resolutionMicros, String error) {}

    static final ObjectMapper JSON = new ObjectMapper();

    private ColdStartSampler() {}

    public static void main(String[] args) throws IOException {
        ProcessLaunch.preferDirectExec();
        Request request = JSON.readValue(System.in, Request.class);
        PrintStream out = System.out;
        try {
            run(request, out);
        } catch (IOException e) {
            print(out, new Line(null, false, 0, 0, e.getMessage()));
            System.exit(1);
        } catch (InterruptedException e) {
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Request request, PrintStream out) throws IOException, InterruptedException {
        sampleAll(request, System.getenv(), line -> {
            print(out, line);
            if (out.checkError()) System.exit(3); // nobody reads any more: the worker is gone
        });
    }

    /** Receives each sample as it is taken. */
    @FunctionalInterface
    interface LineSink {
        void accept(Line line) throws IOException;
    }

    /**
     * Takes the request's samples in order (warm-ups first, then AOT and JIT alternately) with
     * {@code env} as the services' environment, and hands each to {@code sink}.
     */
    static void sampleAll(Request request, Map<String, String> env, LineSink sink)
            throws IOException, InterruptedException {
        Path dir = Path.of(request.dir());
        Duration timeout = Duration.ofMillis(request.timeoutMillis());
        if (request.probe() == null) ProbeWarmup.run(request.aot(), dir, env, timeout);
        for (int i = 0; i < request.warmupRuns() + request.coldStartRuns(); i++) {
            boolean warmup = i < request.warmupRuns();
            for (String mode : request.jit().isEmpty() ? List.of("aot") : List.of("aot", "jit")) {
                List<String> command = mode.equals("aot") ? request.aot() : request.jit();
                ColdStartMeter.Sample s = sample(request.probe(), command, dir, env, timeout);
                sink.accept(new Line(mode, warmup, s.millis(), s.resolutionMicros(), null));
            }
        }
    }

    /** One sample, by the native probe when there is one; a failure names the command. */
    static ColdStartMeter.Sample sample(
            String probe, List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        try {
            return probe != null
                    ? NativeSample.take(probe, command, dir, env, timeout)
                    : ColdStartMeter.sample(command, dir, env, timeout);
        } catch (IOException e) {
            throw new IOException("cold start of " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    private static void print(PrintStream out, Line line) throws IOException {
        out.println(JSON.writeValueAsString(line));
        out.flush();
    }
}
