package dev.fuse.release.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.contract.model.ColdStart;
import dev.fuse.release.contract.model.Fixtures;
import dev.fuse.release.contract.model.GateReport;
import dev.fuse.release.contract.model.GateResult;
import dev.fuse.release.contract.model.MeasureResult;
import dev.fuse.release.contract.model.SloThresholds;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetEvidence;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GateEvaluatorTest {
    static final SloThresholds SLO = Fixtures.SLO;

    static TargetEvidence passing() {
        return new TargetEvidence(
                Target.LINUX_X64,
                Fixtures.measured(Target.LINUX_X64, 10),
                Fixtures.parity(Target.LINUX_X64, 0),
                Fixtures.runtime(Target.LINUX_X64, List.of()));
    }

    static MeasureResult withColdStart(MeasureResult m, double aotP50, double aotP95, double jitP50, double jitP95) {
        return new MeasureResult(
                m.target(),
                new ColdStart("aot", m.aot().command(), m.aot().samplesMillis(), aotP50, aotP95),
                new ColdStart("jit-native", m.jit().command(), m.jit().samplesMillis(), jitP50, jitP95),
                m.unstrippedBytes(),
                m.strippedBytes(),
                m.buildSeconds(),
                m.buildTimesSeconds(),
                m.buildTimeP95Seconds(),
                m.protocol());
    }

    static MeasureResult withSizes(MeasureResult m, long stripped) {
        return new MeasureResult(
                m.target(),
                m.aot(),
                m.jit(),
                stripped + 1000,
                stripped,
                m.buildSeconds(),
                m.buildTimesSeconds(),
                m.buildTimeP95Seconds(),
                m.protocol());
    }

    static MeasureResult withBuildP95(MeasureResult m, double p95) {
        return new MeasureResult(
                m.target(),
                m.aot(),
                m.jit(),
                m.unstrippedBytes(),
                m.strippedBytes(),
                m.buildSeconds(),
                m.buildTimesSeconds(),
                p95,
                m.protocol());
    }

    static Stream<Arguments> cases() {
        UnaryOperator<TargetEvidence> id = e -> e;
        return Stream.of(
                Arguments.of("all within thresholds", id, null),
                Arguments.of(
                        "p50 exactly at 30 %",
                        (UnaryOperator<TargetEvidence>) e -> measure(e, withColdStart(e.measure(), 70, 70, 100, 100)),
                        null),
                Arguments.of(
                        "p50 improvement 29.9 %",
                        (UnaryOperator<TargetEvidence>) e -> measure(e, withColdStart(e.measure(), 70.1, 10, 100, 100)),
                        GateEvaluator.COLD_START_P50),
                Arguments.of(
                        "p95 improvement 19 %",
                        (UnaryOperator<TargetEvidence>) e -> measure(e, withColdStart(e.measure(), 10, 81, 100, 100)),
                        GateEvaluator.COLD_START_P95),
                Arguments.of(
                        "AOT slower than JIT",
                        (UnaryOperator<TargetEvidence>)
                                e -> measure(e, withColdStart(e.measure(), 1500, 1600, 500, 560)),
                        GateEvaluator.COLD_START_P50),
                Arguments.of(
                        "stripped size exactly 25 MB",
                        (UnaryOperator<TargetEvidence>) e -> measure(e, withSizes(e.measure(), 25_000_000)),
                        null),
                Arguments.of(
                        "stripped size 26 MiB",
                        (UnaryOperator<TargetEvidence>) e -> measure(e, withSizes(e.measure(), 26L << 20)),
                        GateEvaluator.BINARY_SIZE),
                Arguments.of(
                        "build p95 601 s",
                        (UnaryOperator<TargetEvidence>) e -> measure(e, withBuildP95(e.measure(), 601)),
                        GateEvaluator.BUILD_TIME),
                Arguments.of(
                        "one parity divergence",
                        (UnaryOperator<TargetEvidence>) e -> new TargetEvidence(
                                e.target(), e.measure(), Fixtures.parity(Target.LINUX_X64, 1), e.runtime()),
                        GateEvaluator.PARITY),
                Arguments.of(
                        "missing build-info key",
                        (UnaryOperator<TargetEvidence>) e -> new TargetEvidence(
                                e.target(),
                                e.measure(),
                                e.parity(),
                                Fixtures.runtime(Target.LINUX_X64, List.of("build info lacks key 'contract'"))),
                        GateEvaluator.BUILD_METADATA),
                Arguments.of(
                        "no measurement",
                        (UnaryOperator<TargetEvidence>)
                                e -> new TargetEvidence(e.target(), null, e.parity(), e.runtime()),
                        GateEvaluator.COLD_START_P50));
    }

    static TargetEvidence measure(TargetEvidence e, MeasureResult m) {
        return new TargetEvidence(e.target(), m, e.parity(), e.runtime());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachGateDecidesOnItsOwnThreshold(String name, UnaryOperator<TargetEvidence> change, String failingGate) {
        GateReport report = GateEvaluator.evaluate(SLO, List.of(change.apply(passing())));
        assertThat(report.gates()).hasSize(6);
        if (failingGate == null) {
            assertThat(report.go()).isTrue();
            assertThat(report.verdict()).isEqualTo("GO");
        } else {
            assertThat(report.go()).isFalse();
            assertThat(report.failing()).extracting(GateResult::gate).contains(failingGate);
        }
    }

    @Test
    void oneFailingTargetMakesTheWholeReleaseNoGoWithMarginsShown() {
        TargetEvidence bad = new TargetEvidence(
                Target.WINDOWS_X64,
                withSizes(Fixtures.measured(Target.WINDOWS_X64, 10), 26L << 20),
                Fixtures.parity(Target.WINDOWS_X64, 0),
                Fixtures.runtime(Target.WINDOWS_X64, List.of()));
        GateReport report = GateEvaluator.evaluate(SLO, List.of(passing(), bad));
        assertThat(report.verdict()).isEqualTo("NO-GO");
        assertThat(report.failing()).singleElement().satisfies(g -> {
            assertThat(g.target()).isEqualTo(Target.WINDOWS_X64);
            assertThat(g.value()).isEqualTo("27262976 B");
            assertThat(g.threshold()).isEqualTo("<= 25000000 B");
            assertThat(g.margin()).isEqualTo("-2262976 B");
        });
    }

    @Test
    void noTargetsIsNoGo() {
        assertThat(GateEvaluator.evaluate(SLO, List.of()).go()).isFalse();
    }
}
