package dev.fuse.release.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.support.CanonicalJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What this run measured against the previous published release, per target and figure: the
 * previous figure, this run's and the change, plus targets added or removed, emulated targets and
 * the static profile. Written into {@code slo-report.json} as {@code comparison}; the notes and
 * the HTML report render it from there. Format: docs/release-notes.md.
 */
public final class MeasuredChanges {
    /** How many of the largest relative changes the summary names. */
    static final int LARGEST = 3;

    private MeasuredChanges() {}

    /** The release this run is compared with and its figures, or why there is none. */
    public record Baseline(String version, Map<String, TargetFigures> figures, String missing) {
        public static Baseline none(String why) {
            return new Baseline(null, Map.of(), why);
        }
    }

    public static ObjectNode compare(Baseline baseline, Map<String, TargetFigures> now, List<String> staticTargets) {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("comparedWith", baseline.version());
        root.put("missing", baseline.missing());
        ArrayNode added = root.putArray("targetsAdded");
        ArrayNode removed = root.putArray("targetsRemoved");
        if (baseline.version() != null) {
            now.keySet().stream()
                    .filter(t -> !baseline.figures().containsKey(t))
                    .forEach(added::add);
            baseline.figures().keySet().stream()
                    .filter(t -> !now.containsKey(t))
                    .sorted()
                    .forEach(removed::add);
        }
        ArrayNode emulated = root.putArray("emulatedTargets");
        now.values().stream().filter(TargetFigures::emulated).forEach(f -> emulated.add(f.target()));
        ArrayNode linkage = root.putArray("staticTargets");
        staticTargets.forEach(linkage::add);
        ArrayNode targets = root.putArray("targets");
        List<ObjectNode> changes = new ArrayList<>();
        for (TargetFigures current : now.values()) {
            ObjectNode target = targets.addObject();
            target.put("target", current.target());
            target.put("emulated", current.emulated());
            TargetFigures before = baseline.figures().get(current.target());
            ArrayNode figures = target.putArray("figures");
            for (Figure figure : Figure.values()) {
                Double value = current.values().get(figure);
                if (value == null) continue;
                ObjectNode row =
                        row(figure, before == null ? null : before.values().get(figure), value);
                figures.add(row);
                if (row.hasNonNull("changePercent") && row.path("changePercent").asDouble() != 0) {
                    changes.add(row.deepCopy().put("target", current.target()));
                }
            }
        }
        ArrayNode largest = root.putArray("largestChanges");
        changes.stream()
                .sorted(Comparator.comparingDouble((ObjectNode c) ->
                                -Math.abs(c.path("changePercent").asDouble()))
                        .thenComparing(c -> c.path("target").asText())
                        .thenComparing(c -> c.path("id").asText()))
                .limit(LARGEST)
                .forEach(largest::add);
        return root;
    }

    private static ObjectNode row(Figure figure, Double previous, double now) {
        ObjectNode row = CanonicalJson.MAPPER.createObjectNode();
        row.put("id", figure.id());
        row.put("label", figure.label());
        row.put("unit", figure.unit());
        row.put("previous", previous);
        row.put("now", now);
        if (previous == null) {
            row.putNull("change");
            row.putNull("changePercent");
        } else {
            row.put("change", round(now - previous));
            row.put("changePercent", previous == 0 ? null : round((now - previous) * 100 / previous));
        }
        return row;
    }

    /** Two decimals: enough for milliseconds and percentages, stable in JSON. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
