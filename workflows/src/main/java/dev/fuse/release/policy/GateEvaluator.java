package dev.fuse.release.policy;

import dev.fuse.release.contract.model.GateReport;
import dev.fuse.release.contract.model.GateResult;
import dev.fuse.release.contract.model.MeasureResult;
import dev.fuse.release.contract.model.ParityResult;
import dev.fuse.release.contract.model.RuntimeChecks;
import dev.fuse.release.contract.model.SloThresholds;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The contract's go / no-go decision as pure code: per target, every SLO gate with its value,
 * threshold and margin. A gate without evidence fails: no figure, no release.
 */
public final class GateEvaluator {
    public static final String COLD_START_P50 = "cold-start-p50";
    public static final String COLD_START_P95 = "cold-start-p95";
    public static final String BINARY_SIZE = "stripped-size";
    public static final String BUILD_TIME = "build-time-p95";
    public static final String PARITY = "parity";
    public static final String BUILD_METADATA = "build-metadata";

    private GateEvaluator() {}

    public static GateReport evaluate(SloThresholds slo, List<TargetEvidence> targets) {
        List<GateResult> gates = new ArrayList<>();
        for (TargetEvidence t : targets) {
            gates.addAll(forTarget(slo, t));
        }
        return new GateReport(gates.stream().allMatch(GateResult::pass) && !gates.isEmpty(), gates);
    }

    static List<GateResult> forTarget(SloThresholds slo, TargetEvidence t) {
        List<GateResult> gates = new ArrayList<>(measurementGates(slo, t.target(), t.measure()));
        gates.add(parityGate(slo, t.target(), t.parity()));
        gates.add(buildMetadataGate(t.target(), t.runtime()));
        return gates;
    }

    private static List<GateResult> measurementGates(SloThresholds slo, Target target, MeasureResult m) {
        if (m == null) {
            return List.of(
                    missing(target, COLD_START_P50),
                    missing(target, COLD_START_P95),
                    missing(target, BINARY_SIZE),
                    missing(target, BUILD_TIME));
        }
        return List.of(
                improvement(
                        target,
                        COLD_START_P50,
                        m.jit().p50Millis(),
                        m.aot().p50Millis(),
                        slo.coldStartP50ImprovementMinPercent()),
                improvement(
                        target,
                        COLD_START_P95,
                        m.jit().p95Millis(),
                        m.aot().p95Millis(),
                        slo.coldStartP95ImprovementMinPercent()),
                new GateResult(
                        target,
                        BINARY_SIZE,
                        m.strippedBytes() + " B",
                        "<= " + slo.strippedBinaryMaxBytes() + " B",
                        (slo.strippedBinaryMaxBytes() - m.strippedBytes()) + " B",
                        m.strippedBytes() <= slo.strippedBinaryMaxBytes()),
                new GateResult(
                        target,
                        BUILD_TIME,
                        fmt(m.buildTimeP95Seconds()) + " s",
                        "<= " + slo.buildTimeP95MaxSeconds() + " s",
                        fmt(slo.buildTimeP95MaxSeconds() - m.buildTimeP95Seconds()) + " s",
                        m.buildTimeP95Seconds() <= slo.buildTimeP95MaxSeconds()));
    }

    private static GateResult parityGate(SloThresholds slo, Target target, ParityResult p) {
        if (p == null) {
            return missing(target, PARITY);
        }
        String value = p.failures() + " of " + p.tests() + " diverge"
                + (p.divergences().isEmpty() ? "" : ": " + String.join(", ", p.divergences()));
        return new GateResult(
                target,
                PARITY,
                value,
                "<= " + slo.parityFailuresMax(),
                Integer.toString(slo.parityFailuresMax() - p.failures()),
                p.failures() <= slo.parityFailuresMax() && p.tests() > 0);
    }

    private static GateResult buildMetadataGate(Target target, RuntimeChecks r) {
        if (r == null) {
            return missing(target, BUILD_METADATA);
        }
        return new GateResult(
                target,
                BUILD_METADATA,
                r.problems().isEmpty() ? "all checks pass" : String.join("; ", r.problems()),
                "7 keys, trace, fatal envelopes",
                r.problems().isEmpty() ? "ok" : r.problems().size() + " problems",
                r.problems().isEmpty());
    }

    private static GateResult improvement(Target target, String gate, double jit, double aot, double minPercent) {
        double improvement = Percentiles.improvementPercent(jit, aot);
        String value = fmt(improvement) + " % (AOT " + fmt(aot) + " ms vs JIT " + fmt(jit) + " ms)";
        return new GateResult(
                target,
                gate,
                value,
                ">= " + fmt(minPercent) + " %",
                fmt(improvement - minPercent) + " pp",
                improvement >= minPercent);
    }

    private static GateResult missing(Target target, String gate) {
        return new GateResult(target, gate, "no evidence", "evidence required", "n/a", false);
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
