package dev.fuse.release.measure;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.process.CommandRunner;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Takes a measurement's cold starts. With the native probe the worker runs the sampling loop
 * itself: the probe times each start outside any JVM, so a sampler JVM would add only its own
 * start (about a second of CPU and 0.7 s on the measurement's critical path, three times per
 * release). Without it, starts {@link ColdStartSampler} in a JVM of its own, in its own process
 * group (so the services it starts end with it, also when a dead worker's successor cleans up),
 * and collects its samples, heartbeating on each. The worker's JVM only waits meanwhile.
 */
public final class SamplerProcess {
    /** Flags of the sampler's JVM: quick to start, no C2 compiling beside the measured service, short GC pauses. */
    public static final List<String> JVM_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-Xmx64m",
            "-XX:-UsePerfData",
            "-XX:+DisplayVMOutputToStderr");

    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    private SamplerProcess() {}

    /** Samples in order, warm-ups left out. */
    public record Samples(List<Double> aot, List<Double> jit, List<Double> resolutionMicros) {
        /** Adds a sample; warm-ups are left out. */
        void add(ColdStartSampler.Line line) {
            if (line.warmup()) return;
            (line.mode().equals("aot") ? aot : jit).add(line.millis());
            resolutionMicros.add(line.resolutionMicros());
        }
    }

    public static Samples run(
            ColdStartSampler.Request request, Map<String, String> env, Path scratch, Runnable heartbeat)
            throws IOException, InterruptedException {
        if (request.probe() != null) return sampledHere(request, env, heartbeat);
        Path log = scratch.resolve("sampler.log");
        Process process = CommandRunner.startHelper(command(), scratch, env, log);
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(ColdStartSampler.JSON.writeValueAsBytes(request));
            } catch (IOException e) {
                process.waitFor(10, TimeUnit.SECONDS);
                throw failed("the sampler did not start: " + tail(log));
            }
            Samples samples = read(process, heartbeat);
            // Its output has ended, so it is exiting; a sampler that does not is ended below.
            if (!process.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw failed("the sampler closed its output but did not exit within " + EXIT_WAIT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw failed("the sampler exited with " + process.exitValue() + ": " + tail(log));
            }
            return samples;
        } finally {
            CommandRunner.helperDone(process);
        }
    }

    /**
     * The native probe's samples, taken from this JVM: each probe ends its service itself and has
     * its own timeout, so a worker that dies mid-sample leaves nothing running for long.
     */
    private static Samples sampledHere(ColdStartSampler.Request request, Map<String, String> env, Runnable heartbeat)
            throws IOException, InterruptedException {
        Samples samples = new Samples(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try {
            ColdStartSampler.sampleAll(request, env, line -> {
                heartbeat.run();
                samples.add(line);
            });
        } catch (IOException e) {
            throw failed(e.getMessage());
        }
        return samples;
    }

    private static Samples read(Process process, Runnable heartbeat) throws IOException {
        Samples samples = new Samples(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                heartbeat.run();
                if (!text.startsWith("{")) continue; // not ours: the JVM's own output goes to the log
                ColdStartSampler.Line line = ColdStartSampler.JSON.readValue(text, ColdStartSampler.Line.class);
                if (line.error() != null) throw failed(line.error());
                samples.add(line);
            }
        }
        return samples;
    }

    private static List<String> command() {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(JVM_FLAGS);
        argv.add("-cp");
        argv.add(absoluteClassPath());
        argv.add(ColdStartSampler.class.getName());
        return argv;
    }

    /** The worker's own class path, made absolute: the sampler runs in another directory. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static PipelineException failed(String why) {
        return new PipelineException(FailureType.MEASUREMENT_FAILED, why);
    }

    /** The end of the sampler's stderr, as a failed build step's log is quoted. */
    private static String tail(Path log) throws IOException {
        String tail = Files.exists(log) ? CommandRunner.tailOf(log).strip() : "";
        return tail.isEmpty() ? "(no output)" : tail;
    }
}
