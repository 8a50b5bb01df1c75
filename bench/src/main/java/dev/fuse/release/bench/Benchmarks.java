package dev.fuse.release.bench;

import dev.fuse.release.process.ProcessLaunch;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Entry point of {@code bench/run.sh}: runs one benchmark or all and prints one line each,
 * {@code B<n> key=value ...}, with ours and the baseline measured side by side in the same run.
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        // Processes start as the worker starts them (B2, B3 time process starts).
        ProcessLaunch.preferDirectExec();
        Map<String, Callable<String>> all = Map.of(
                "B1", ArtifactPathBench::run,
                "B2", OrchestrationBench::run,
                "B3", ColdStartBench::run,
                "B4", ScaleBench::run,
                "B5", MetadataBench::run,
                "B6", CliBench::run);
        List<String> chosen = args.length == 0 ? List.of("B1", "B2", "B3", "B4", "B5", "B6") : List.of(args);
        for (String name : chosen) {
            Callable<String> bench = all.get(name);
            if (bench == null) {
                System.err.println("bench: unknown benchmark '" + name + "': use B1, B2, B3, B4, B5 or B6");
                System.exit(2);
            } else {
                System.out.println(name + " " + bench.call());
            }
        }
    }

    /** The key=value line of a ratio benchmark: ours / baseline, and whether it meets its goal. */
    static String ratioLine(String unit, double ours, double baseline, double ratio, boolean met, String extra) {
        return String.format(
                Locale.ROOT,
                "ours=%.1f%s baseline=%.1f%s ratio=%.2f goal=%s%s",
                ours,
                unit,
                baseline,
                unit,
                ratio,
                met ? "met" : "missed",
                extra.isEmpty() ? "" : " " + extra);
    }
}
