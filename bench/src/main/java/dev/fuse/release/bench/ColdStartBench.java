package dev.fuse.release.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.measure.ColdStartSampler;
import dev.fuse.release.measure.NativeProbe;
import dev.fuse.release.measure.SamplerProcess;
import dev.fuse.release.policy.Percentiles;
import dev.fuse.release.process.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * B3: cold-start fidelity. The measure stage's own sampling ({@link SamplerProcess}: 3 warm-ups,
 * then 50 samples, each taken by the compiled {@link NativeProbe} as the stage takes them on a
 * host with a C compiler) against {@code hyperfine -N --warmup 3} running a tiny C
 * client that spawns the same example AOT binary and waits for its first HTTP 200 with the same
 * kind of tight connect loop, in the same run. hyperfine's figure is the client's whole life (its
 * own exec, the kill and the reap included), so the like-for-like baseline is the interval the
 * client times itself inside those runs, spawn to first 200, which is what the measure stage
 * reports. The JVM probe (the fallback without a compiler) is sampled in the same rounds for
 * comparison. Goal: p50 and p95 each within 10 % of the baseline's.
 */
final class ColdStartBench {
    static final int RUNS = 50;
    /** Rounds of ours then hyperfine, so that drift of the host touches both alike. */
    static final int ROUNDS = 4;

    static final int WARMUP = 3;

    private ColdStartBench() {}

    static String run() throws Exception {
        Path work = Files.createTempDirectory("fuse-bench-b3");
        Path binary = BenchSupport.exampleAotBinary(work);
        Path client = BenchSupport.compile(work, "first_200.c", "first-200");
        String probe = NativeProbe.compiled(work.resolve("probe"))
                .orElseThrow(() -> new IllegalStateException("B3 needs cc for the native probe"))
                .toString();
        List<Double> ours = new ArrayList<>();
        List<Double> jvmProbe = new ArrayList<>();
        List<Double> resolution = new ArrayList<>();
        List<Double> hyperfine = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // As the measure stage samples: by the native probe, started from this JVM.
            SamplerProcess.Samples s = sample(binary, work, probe);
            ours.addAll(s.aot());
            resolution.addAll(s.resolutionMicros());
            jvmProbe.addAll(sample(binary, work, null).aot());
            Path clientTimes = work.resolve("client-times-" + round + ".txt");
            hyperfine.addAll(hyperfine(work, client, binary, clientTimes));
            Files.readAllLines(clientTimes).stream()
                    .skip(WARMUP)
                    .map(Double::parseDouble)
                    .forEach(theirs::add);
        }
        double oursP50 = Percentiles.of(ours, 50);
        double theirsP50 = Percentiles.of(theirs, 50);
        double overheadMillis = oursP50 - theirsP50;
        double ratio = oursP50 / theirsP50;
        double p95Ratio = Percentiles.of(ours, 95) / Percentiles.of(theirs, 95);
        boolean met = Math.abs(ratio - 1) <= 0.10 && Math.abs(p95Ratio - 1) <= 0.10;
        return Benchmarks.ratioLine(
                        "ms",
                        oursP50,
                        theirsP50,
                        ratio,
                        met,
                        String.format(
                                Locale.ROOT,
                                "ours_p95=%.3fms baseline_p95=%.3fms p95_ratio=%.3f overhead_per_sample=%.3fms"
                                        + " jvm_probe_p50=%.3fms jvm_probe_p95=%.3fms"
                                        + " hyperfine_wall_p50=%.3fms probe_resolution_p50=%.1fus samples=%d",
                                Percentiles.of(ours, 95),
                                Percentiles.of(theirs, 95),
                                p95Ratio,
                                overheadMillis,
                                Percentiles.of(jvmProbe, 50),
                                Percentiles.of(jvmProbe, 95),
                                Percentiles.of(hyperfine, 50),
                                Percentiles.of(resolution, 50),
                                ours.size()))
                .replace("ours=", "ours_p50=")
                .replace("baseline=", "baseline_p50=");
    }

    /** One round of the measure stage's sampler; {@code probe} null: the JVM probe. */
    private static SamplerProcess.Samples sample(Path binary, Path work, String probe) throws Exception {
        return SamplerProcess.run(
                new ColdStartSampler.Request(
                        List.of(binary.toString()), List.of(), work.toString(), WARMUP, RUNS, 30_000, probe),
                System.getenv(),
                work,
                () -> {});
    }

    /** hyperfine's per-run wall times (ms) for the C client on a fixed free port. */
    private static List<Double> hyperfine(Path work, Path client, Path binary, Path clientTimes)
            throws IOException, InterruptedException {
        Path json = work.resolve("hyperfine.json");
        int port = LoopbackPorts.free();
        String command = client + " " + port + " " + binary;
        BenchSupport.exec(
                work,
                Map.of("FIRST_200_LOG", clientTimes.toString()),
                List.of(
                        "hyperfine",
                        "-N",
                        "--warmup",
                        Integer.toString(WARMUP),
                        "--runs",
                        Integer.toString(RUNS),
                        "--export-json",
                        json.toString(),
                        command));
        JsonNode times = new ObjectMapper()
                .readTree(json.toFile())
                .path("results")
                .path(0)
                .path("times");
        List<Double> millis = new ArrayList<>();
        times.forEach(t -> millis.add(t.asDouble() * 1000));
        return millis;
    }
}
