package dev.fuse.release.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.failure.PipelineException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler as the measure stage runs it: a JVM of its own, over real pipes. */
class SamplerProcessTest {
    @Test
    void aServiceThatDiesIsOneSpecificMeasurementFailure(@TempDir Path dir) {
        ColdStartSampler.Request request =
                new ColdStartSampler.Request(List.of("sh", "-c", "exit 3"), List.of(), dir.toString(), 0, 2, 5_000);
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
                new ColdStartSampler.Request(service, List.of(), dir.toString(), 1, 3, 30_000);
        int[] heartbeats = {0};
        SamplerProcess.Samples samples = SamplerProcess.run(request, System.getenv(), dir, () -> heartbeats[0]++);
        assertThat(samples.aot()).hasSize(3).allSatisfy(ms -> assertThat(ms).isPositive());
        assertThat(samples.jit()).isEmpty();
        assertThat(samples.resolutionMicros()).hasSize(3);
        assertThat(heartbeats[0]).isEqualTo(4); // one per line, the warm-up's included
    }
}
