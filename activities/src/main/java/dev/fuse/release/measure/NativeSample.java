package dev.fuse.release.measure;

import dev.fuse.release.process.LoopbackPorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One cold start taken by the compiled {@link NativeProbe}, run from the sampler JVM. */
final class NativeSample {
    private NativeSample() {}

    static ColdStartMeter.Sample take(
            String probe, List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(
                List.of(probe, Integer.toString(LoopbackPorts.free()), Long.toString(timeout.toMillis())));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            // The probe ends the service itself and has its own timeout; this bound is for a probe gone wrong.
            if (!process.waitFor(timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
                throw new IOException("the native probe did not end");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " " + (err.isEmpty() ? "failed" : err)
                        + " (native probe exit " + process.exitValue() + ")");
            }
            String[] fields = out.split(" ");
            return new ColdStartMeter.Sample(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("the native probe printed an unreadable sample", e);
        } finally {
            process.destroyForcibly();
        }
    }
}
