package dev.fuse.release.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/** The metrics address and log format settings, and how a stage's target and failure are named. */
class MetricsSettingsTest {
    @Test
    void anAddressIsHostAndPortAndUnsetMeansNoServer() {
        assertThat(MetricsSettings.parse(null)).isNull();
        assertThat(MetricsSettings.parse(" ")).isNull();
        assertThat(MetricsSettings.parse("127.0.0.1:9464")).isEqualTo(new MetricsSettings("127.0.0.1", 9464));
        assertThat(MetricsSettings.parse("[::1]:9464").host()).isEqualTo("[::1]");
        for (String bad : new String[] {"9464", ":9464", "localhost:", "localhost:http", "localhost:70000"}) {
            assertThatThrownBy(() -> MetricsSettings.parse(bad))
                    .hasMessage("FUSE_RELEASE_METRICS_ADDRESS '" + bad
                            + "' is not host:port; use e.g. 127.0.0.1:9464 (or 0.0.0.0:9464 in a container)");
        }
    }

    @Test
    void theLogFormatIsTextOrJson() {
        MetricsSettings.checkLogFormat(null);
        MetricsSettings.checkLogFormat("json");
        assertThatThrownBy(() -> MetricsSettings.checkLogFormat("JSON"))
                .hasMessageStartingWith("FUSE_RELEASE_LOG_FORMAT 'JSON' is not text or json");
    }

    @Test
    void aStagesTargetComesFromItsTaskQueue() {
        assertThat(StageMetrics.targetOf("fuse-release")).isEqualTo("orchestrator");
        assertThat(StageMetrics.targetOf("fuse-release-signer")).isEqualTo("signer");
        assertThat(StageMetrics.targetOf("fuse-release-linux-x64")).isEqualTo("linux-x64");
        assertThat(StageMetrics.targetOf("fuse-release-linux-x64@host-a/work")).isEqualTo("linux-x64");
    }

    @Test
    void aFailureIsCountedByItsTypeOrItsClass() {
        assertThat(StageMetrics.failureType(ApplicationFailure.newFailure("x", "BUILD_FAILED")))
                .isEqualTo("BUILD_FAILED");
        assertThat(StageMetrics.failureType(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
