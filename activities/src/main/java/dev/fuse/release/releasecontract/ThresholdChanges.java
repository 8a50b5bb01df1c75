package dev.fuse.release.releasecontract;

import dev.fuse.release.contract.model.SloThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which thresholds a contract relaxes compared with the previous release's. */
public final class ThresholdChanges {
    private ThresholdChanges() {}

    public static List<String> relaxed(SloThresholds previous, SloThresholds current) {
        List<String> relaxed = new ArrayList<>();
        if (current.coldStartP50ImprovementMinPercent() < previous.coldStartP50ImprovementMinPercent()) {
            relaxed.add(change(
                    "coldStartP50ImprovementMinPercent",
                    previous.coldStartP50ImprovementMinPercent(),
                    current.coldStartP50ImprovementMinPercent()));
        }
        if (current.coldStartP95ImprovementMinPercent() < previous.coldStartP95ImprovementMinPercent()) {
            relaxed.add(change(
                    "coldStartP95ImprovementMinPercent",
                    previous.coldStartP95ImprovementMinPercent(),
                    current.coldStartP95ImprovementMinPercent()));
        }
        if (current.strippedBinaryMaxBytes() > previous.strippedBinaryMaxBytes()) {
            relaxed.add(change(
                    "strippedBinaryMaxBytes", previous.strippedBinaryMaxBytes(), current.strippedBinaryMaxBytes()));
        }
        if (current.buildTimeP95MaxSeconds() > previous.buildTimeP95MaxSeconds()) {
            relaxed.add(change(
                    "buildTimeP95MaxSeconds", previous.buildTimeP95MaxSeconds(), current.buildTimeP95MaxSeconds()));
        }
        if (current.parityFailuresMax() > previous.parityFailuresMax()) {
            relaxed.add(change("parityFailuresMax", previous.parityFailuresMax(), current.parityFailuresMax()));
        }
        return relaxed;
    }

    private static String change(String field, double from, double to) {
        return String.format(Locale.ROOT, "slo.%s relaxed from %s to %s", field, trim(from), trim(to));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
