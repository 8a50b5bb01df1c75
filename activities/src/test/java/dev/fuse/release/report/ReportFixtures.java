package dev.fuse.release.report;

import dev.fuse.release.contract.model.ColdStart;
import dev.fuse.release.contract.model.MeasureResult;
import dev.fuse.release.contract.model.MeasurementProtocol;
import dev.fuse.release.contract.model.ParityResult;
import dev.fuse.release.contract.model.RuntimeChecks;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetEvidence;
import dev.fuse.release.metadata.ReleaseMetadataTest;
import dev.fuse.release.policy.GateEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A report request with figures shaped like the example's (AOT ~4 ms, JIT ~900 ms). */
public final class ReportFixtures {
    private ReportFixtures() {}

    public static SloFigures request(long strippedLinux) {
        var plan = ReleaseMetadataTest.plan("run-report");
        Random random = new Random(3);
        List<TargetEvidence> evidence = new ArrayList<>();
        for (Target t : Target.values()) {
            List<Double> aot = new ArrayList<>();
            List<Double> jit = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                aot.add(3 + random.nextDouble() * 3);
                jit.add(850 + random.nextDouble() * 250);
            }
            MeasurementProtocol protocol = new MeasurementProtocol(
                    "Linux",
                    "amd64",
                    "Test CPU @ 2.0GHz",
                    2,
                    "linux-x64",
                    t != Target.LINUX_X64,
                    t.triple(),
                    plan.commit(),
                    List.of("AOT: hello-http", "JIT: sh toolchain/bin/fuse run --jit"),
                    "a".repeat(64),
                    0.4,
                    0.9,
                    "nearest-rank");
            MeasureResult m = new MeasureResult(
                    t,
                    new ColdStart(
                            "aot",
                            List.of("hello-http"),
                            aot,
                            dev.fuse.release.policy.Percentiles.of(aot, 50),
                            dev.fuse.release.policy.Percentiles.of(aot, 95)),
                    new ColdStart(
                            "jit-native",
                            List.of("sh", "toolchain/bin/fuse", "run", "--jit"),
                            jit,
                            dev.fuse.release.policy.Percentiles.of(jit, 50),
                            dev.fuse.release.policy.Percentiles.of(jit, 95)),
                    17_168,
                    t == Target.LINUX_X64 ? strippedLinux : 14_632,
                    1,
                    List.of(0.9, 0.7, 1.1, 0.8),
                    1.1,
                    protocol);
            evidence.add(new TargetEvidence(
                    t,
                    m,
                    new ParityResult(t, 4, 0, List.of(), null),
                    new RuntimeChecks(t, Map.of("target", t.id()), List.of())));
        }
        return new SloFigures(plan, GateEvaluator.evaluate(plan.slo(), evidence), evidence);
    }
}
