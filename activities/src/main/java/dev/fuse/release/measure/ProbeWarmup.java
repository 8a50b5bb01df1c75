package dev.fuse.release.measure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Compiles the sampler's hot paths before the first timed sample. In a fresh JVM the probe, the
 * launch (copying the environment included) and the result line first run in the interpreter,
 * several times slower than compiled, and compiling them takes a core beside the service: the
 * first samples would measure the sampler, not the service (seen as a p95 of 2.7 ms against a
 * p50 of 1 ms). So the sampler first takes unrecorded samples of the AOT service, the quick one,
 * through exactly the code the timed samples use, until that code is compiled. The native probe
 * needs none of this: no JVM code runs inside its samples.
 */
final class ProbeWarmup {
    /** Enough calls for C1 to compile everything a sample runs (its thresholds are in the hundreds of calls). */
    static final int SAMPLES = 150;
    /** A bound for services slower than the example's, well inside the shortest heartbeat timeout (5 s). */
    static final Duration BUDGET = Duration.ofSeconds(2);

    private ProbeWarmup() {}

    static void run(List<String> service, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (int i = 0; i < SAMPLES && System.nanoTime() < deadline; i++) {
            ColdStartMeter.Sample s = ColdStartSampler.sample(null, service, dir, env, timeout);
            ColdStartSampler.JSON.writeValueAsString(
                    new ColdStartSampler.Line("aot", true, s.millis(), s.resolutionMicros(), null));
        }
    }
}
