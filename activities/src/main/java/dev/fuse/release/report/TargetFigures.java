package dev.fuse.release.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one release measured for one target, read the same way from this run's figures and from a
 * published release's evidence: a target entry of {@code slo-report.json} and the manifest's
 * artifact list (each with {@code type}, {@code target} and {@code size}). A figure the evidence
 * does not hold is absent, never zero.
 */
public record TargetFigures(String target, Map<Figure, Double> values, boolean emulated) {
    public TargetFigures {
        values = Map.copyOf(values);
    }

    static TargetFigures of(JsonNode reportTarget, JsonNode artifacts) {
        String target = reportTarget.path("target").asText();
        Map<Figure, Double> values = new EnumMap<>(Figure.class);
        for (JsonNode a : artifacts) {
            if (!target.equals(a.path("target").asText())) continue;
            switch (a.path("type").asText()) {
                case "cli" -> put(values, Figure.CLI_ARCHIVE, a.path("size"));
                case "aot" -> put(values, Figure.AOT_ARCHIVE, a.path("size"));
                default -> {
                    // the VSIX belongs to no target
                }
            }
        }
        JsonNode m = reportTarget.path("measurement");
        put(values, Figure.STRIPPED_BINARY, m.path("strippedBytes"));
        put(values, Figure.COLD_START_AOT_P50, m.path("aot").path("p50Millis"));
        put(values, Figure.COLD_START_AOT_P95, m.path("aot").path("p95Millis"));
        put(values, Figure.COLD_START_JIT_P50, m.path("jit").path("p50Millis"));
        put(values, Figure.COLD_START_JIT_P95, m.path("jit").path("p95Millis"));
        put(values, Figure.BUILD_TIME, m.path("buildSeconds"));
        JsonNode parity = reportTarget.path("parity");
        put(values, Figure.PARITY_CASES, parity.path("tests"));
        put(values, Figure.PARITY_DIVERGENCES, parity.path("failures"));
        return new TargetFigures(
                target, values, m.path("protocol").path("emulated").asBoolean(false));
    }

    private static void put(Map<Figure, Double> values, Figure figure, JsonNode value) {
        if (value.isNumber()) values.put(figure, value.asDouble());
    }
}
