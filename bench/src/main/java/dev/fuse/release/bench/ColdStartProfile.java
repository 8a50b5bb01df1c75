package dev.fuse.release.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.policy.Percentiles;
import dev.fuse.release.storage.ArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * B2's measure-stage profile: per target, the p50 and the sum of the AOT and JIT cold starts the
 * release recorded in its published {@code slo-report.json}, beside those the script's client
 * timed ({@code first-200.log}, AOT and JIT alternately, warm-ups included).
 */
final class ColdStartProfile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ColdStartProfile() {}

    /** target → {aot p50, jit p50, jit sum} from the release's evidence. */
    static Map<String, double[]> published(ArtifactStore store, String version) throws IOException {
        Map<String, double[]> figures = new TreeMap<>();
        for (String key : store.listKeys("releases/" + version + "/evidence/")) {
            if (!key.endsWith("/slo-report.json")) continue;
            for (JsonNode target : JSON.readTree(store.getBytes(key)).path("targets")) {
                JsonNode m = target.path("measurement");
                figures.put(target.path("target").asText(), figures(samples(m.path("aot")), samples(m.path("jit"))));
            }
        }
        return figures;
    }

    /** The same figures from the script's logs, warm-ups (the first 2 of each) left out as the pipeline does. */
    static Map<String, double[]> script(Path work) throws IOException {
        Map<String, double[]> figures = new TreeMap<>();
        for (String target : List.of("linux-x64", "macos-arm64", "windows-x64")) {
            Path log = work.resolve(target).resolve("first-200.log");
            if (!Files.exists(log)) continue;
            List<String> lines = Files.readAllLines(log);
            List<Double> aot = new ArrayList<>();
            List<Double> jit = new ArrayList<>();
            for (int i = 4; i < lines.size(); i++) (i % 2 == 0 ? aot : jit).add(Double.parseDouble(lines.get(i)));
            figures.put(target, figures(aot, jit));
        }
        return figures;
    }

    static void print(Map<String, double[]> ours, Map<String, double[]> script) {
        for (String target : ours.keySet()) {
            double[] o = ours.get(target);
            double[] s = script.getOrDefault(target, new double[3]);
            System.err.printf(
                    Locale.ROOT,
                    "B2 cold starts %s: aot p50 ours %.2f ms script %.2f ms; jit p50 ours %.1f ms script %.1f ms;"
                            + " jit total ours %.0f ms script %.0f ms%n",
                    target,
                    o[0],
                    s[0],
                    o[1],
                    s[1],
                    o[2],
                    s[2]);
        }
    }

    private static double[] figures(List<Double> aot, List<Double> jit) {
        return new double[] {
            Percentiles.of(aot, 50),
            Percentiles.of(jit, 50),
            jit.stream().mapToDouble(Double::doubleValue).sum()
        };
    }

    private static List<Double> samples(JsonNode coldStart) {
        List<Double> samples = new ArrayList<>();
        coldStart.path("samplesMillis").forEach(n -> samples.add(n.asDouble()));
        return samples;
    }
}
