package dev.fuse.release.releasecontract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.model.InvalidRequestException;
import dev.fuse.release.contract.model.SloThresholds;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContractLoaderTest {
    @Test
    void theExampleContractHoldsTheSloTable() {
        ReleaseContract contract = ContractLoader.load(Path.of("../examples/fuse-hello"));
        assertThat(contract.id()).isEqualTo("aot-release-contract/v0.4");
        assertThat(contract.slo()).isEqualTo(new SloThresholds(30, 20, 25_000_000, 600, 0));
        assertThat(contract.blockOnReproducibilityMismatch()).isTrue();
        assertThat(contract.rationale()).isNull();
    }

    @Test
    void everyBadFieldIsReported() {
        String bad = """
        {"contractVersion": 2, "contract": "",
         "slo": {"coldStartP50ImprovementMinPercent": 130, "coldStartP95ImprovementMinPercent": "20",
                 "strippedBinaryMaxBytes": -1, "buildTimeP95MaxSeconds": 1.5, "parityFailuresMax": -1},
         "reproducibility": {"blockOnMismatch": "yes"}, "thresholdChangeRationale": ""}
        """;
        assertThatThrownBy(() -> ContractLoader.parse(bad))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .hasSize(9)
                                .allSatisfy(p -> assertThat(p).startsWith("release-contract.json: "))
                                .anySatisfy(p -> assertThat(p).contains("contractVersion: must be 1"))
                                .anySatisfy(p -> assertThat(p).contains("contract: required id"))
                                .anySatisfy(p -> assertThat(p).contains("slo.coldStartP50ImprovementMinPercent"))
                                .anySatisfy(p -> assertThat(p).contains("slo.coldStartP95ImprovementMinPercent"))
                                .anySatisfy(p -> assertThat(p).contains("slo.strippedBinaryMaxBytes"))
                                .anySatisfy(p -> assertThat(p).contains("slo.buildTimeP95MaxSeconds"))
                                .anySatisfy(p -> assertThat(p).contains("slo.parityFailuresMax"))
                                .anySatisfy(p -> assertThat(p).contains("reproducibility.blockOnMismatch"))
                                .anySatisfy(p -> assertThat(p).contains("thresholdChangeRationale")));
    }

    @Test
    void relaxedThresholdsAreNamedAndTightenedOnesAreNot() {
        SloThresholds previous = new SloThresholds(30, 20, 25_000_000, 600, 0);
        assertThat(ThresholdChanges.relaxed(previous, new SloThresholds(35, 25, 20_000_000, 300, 0)))
                .isEmpty();
        assertThat(ThresholdChanges.relaxed(previous, new SloThresholds(25, 10, 30_000_000, 900, 2)))
                .containsExactly(
                        "slo.coldStartP50ImprovementMinPercent relaxed from 30 to 25",
                        "slo.coldStartP95ImprovementMinPercent relaxed from 20 to 10",
                        "slo.strippedBinaryMaxBytes relaxed from 25000000 to 30000000",
                        "slo.buildTimeP95MaxSeconds relaxed from 600 to 900",
                        "slo.parityFailuresMax relaxed from 0 to 2");
    }
}
