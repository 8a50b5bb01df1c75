package dev.fuse.release.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.failure.PipelineException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler as the measure stage runs it: a JVM of its own, over real pipes. */
class SamplerProcessTest {
    @Test
    void aServiceThatDiesIsOneSpecificMeasurementFailure(@TempDir Path dir) {
        ColdStartSampler.Request request = new ColdStartSampler.Request(
                List.of("sh", "-c", "exit 3"), List.of(), dir.toString(), 0, 2, 5_000, null);
        assertThatThrownBy(() -> SamplerProcess.run(request, Map.of("PATH", System.getenv("PATH")), dir, () -> {}))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.MEASUREMENT_FAILED))
                .hasMessage("cold start of sh -c exit 3: sh -c exit 3 exited with 3 before answering");
    }

    @Test
    void samplesComeBackInOrderWithoutTheWarmups(@TempDir Path dir) throws Exception {
        // A stand-in service: the sampler's own probe needs an HTTP 200, so use a tiny Java one.
        List<String> service = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TinyHttpService.class.getName());
        ColdStartSampler.Request request =
                new ColdStartSampler.Request(service, List.of(), dir.toString(), 1, 3, 30_000, null);
        int[] heartbeats = {0};
        SamplerProcess.Samples samples = SamplerProcess.run(request, System.getenv(), dir, () -> heartbeats[0]++);
        assertThat(samples.aot()).hasSize(3).allSatisfy(ms -> assertThat(ms).isPositive());
        assertThat(samples.jit()).isEmpty();
        assertThat(samples.resolutionMicros()).hasSize(3);
        assertThat(heartbeats[0]).isEqualTo(4); // one per line, the warm-up's included
    }

    @Test
    void theNativeProbeTakesTheSamplesWhereACompilerExistsAndEndsTheServicesTree(@TempDir Path dir) throws Exception {
        Path probe = NativeProbe.compiled(dir.resolve("probe")).orElseThrow();
        assertThat(NativeProbe.compiled(dir.resolve("probe")))
                .as("compiled once, then reused")
                .contains(probe);
        // A build step of the worker's user planting its own "probe" does not get it used.
        Files.writeString(probe, "#!/bin/sh\necho '0.001 1.0'\n");
        assertThat(NativeProbe.compiled(dir.resolve("probe"))).contains(probe);
        assertThat(Files.readString(probe, StandardCharsets.ISO_8859_1)).startsWith("\u007fELF");
        // The service behind a shell, as a recipe's JIT command is: its JVM is the shell's child.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> service = List.of(
                "sh",
                "-c",
                java + " -cp " + System.getProperty("java.class.path") + " " + TinyHttpService.class.getName()
                        + " & wait");
        ColdStartSampler.Request request =
                new ColdStartSampler.Request(service, List.of(), dir.toString(), 0, 2, 30_000, probe.toString());
        int[] heartbeats = {0};
        SamplerProcess.Samples samples = SamplerProcess.run(request, System.getenv(), dir, () -> heartbeats[0]++);
        assertThat(samples.aot()).hasSize(2).allSatisfy(ms -> assertThat(ms).isPositive());
        assertThat(heartbeats[0]).as("a heartbeat per sample").isEqualTo(2);
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(TinyHttpService.class.getName())))
                .as("no service left running")
                .isEmpty();

        ColdStartSampler.Request dying = new ColdStartSampler.Request(
                List.of("sh", "-c", "exit 3"), List.of(), dir.toString(), 0, 1, 5_000, probe.toString());
        assertThatThrownBy(() -> SamplerProcess.run(dying, Map.of("PATH", System.getenv("PATH")), dir, () -> {}))
                .hasMessage("cold start of sh -c exit 3: sh -c exit 3 exited with 3 before answering (native probe"
                        + " exit 3)");
    }
}
