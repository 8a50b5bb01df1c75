package dev.fuse.release.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.support.CanonicalJson;
import org.junit.jupiter.api.Test;

class SloReportTest {
    @Test
    void theJsonReportCarriesVerdictGatesThresholdsSamplesAndProtocol() throws Exception {
        JsonNode report = CanonicalJson.MAPPER.readTree(SloReport.json(ReportFixtures.request(14_632)));
        assertThat(report.path("verdict").asText()).isEqualTo("GO");
        assertThat(report.path("contract")
                        .path("thresholds")
                        .path("strippedBinaryMaxBytes")
                        .asLong())
                .isEqualTo(25_000_000);
        assertThat(report.path("gates")).hasSize(18);
        JsonNode linux = report.path("targets").get(0);
        assertThat(linux.path("measurement").path("aot").path("samplesMillis")).hasSize(20);
        assertThat(linux.path("measurement").path("protocol").path("cpuModel").asText())
                .isEqualTo("Test CPU @ 2.0GHz");
        assertThat(linux.path("measurement")
                        .path("protocol")
                        .path("targetTriple")
                        .asText())
                .isEqualTo("x86_64-unknown-linux-gnu");
    }
}
