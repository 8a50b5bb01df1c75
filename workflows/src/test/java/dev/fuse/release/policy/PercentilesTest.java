package dev.fuse.release.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentilesTest {

    /** samples 1..n shuffled: nearest rank of p is ceil(p/100*n). */
    @ParameterizedTest(name = "n={0} p={1} -> {2}")
    @CsvSource({
        "1, 50, 1", "1, 95, 1", "2, 50, 1", "2, 95, 2", "10, 50, 5", "10, 95, 10",
        "20, 50, 10", "20, 95, 19", "20, 100, 20", "21, 50, 11", "100, 95, 95", "3, 5, 1"
    })
    void nearestRankOnShuffledSamples(int n, double p, double expected) {
        List<Double> samples = new ArrayList<>();
        for (int i = 1; i <= n; i++) samples.add((double) i);
        Collections.shuffle(samples, new Random(n));
        assertThat(Percentiles.of(samples, p)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "JIT {0} ms, AOT {1} ms -> {2} %")
    @CsvSource({"500, 10, 98", "100, 70, 30", "100, 100, 0", "100, 150, -50"})
    void improvementIsRelativeToTheBaseline(double jit, double aot, double expected) {
        assertThat(Percentiles.improvementPercent(jit, aot))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void emptySamplesAndBadPercentilesAreRefused() {
        assertThatThrownBy(() -> Percentiles.of(List.of(), 50)).hasMessageContaining("no samples");
        assertThatThrownBy(() -> Percentiles.of(List.of(1.0), 0)).hasMessageContaining("percentile");
    }
}
