package dev.fuse.release.e2e;

import dev.fuse.release.git.ExampleRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Variants of the example project the tests release: a quicker measurement for tests that are
 * not about timing, and one variant per SLO gate that must fail.
 */
final class ExampleVariants {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path EXAMPLE = HOME.resolve("examples/fuse-hello");

    private ExampleVariants() {}

    /** The fixture toolchain's compiled JIT classes, for the whole test run (about a fifth of the suite's CPU). */
    static final Path TOOLCHAIN_CACHE = HOME.resolve("devstack/target/fixture-toolchain-cache");

    /** Measured runs per mode in the quick variant: two, so that percentiles still pick among samples. */
    static final int QUICK_RUNS = 2;

    /**
     * Two measured runs per mode instead of twenty, no warm-up (the toolchain's classes are
     * compiled already), and the toolchain's compiled classes shared across checkouts: the suite
     * checks behaviour, not timing, and each JIT start it skips is half a second of CPU.
     */
    static void quick(Path tree) throws IOException {
        replace(tree.resolve("fuse-release.json"), "\"coldStartRuns\": 20", "\"coldStartRuns\": " + QUICK_RUNS);
        replace(tree.resolve("fuse-release.json"), "\"warmupRuns\": 2", "\"warmupRuns\": 0");
        ExampleRepository.sharedToolchainCache(TOOLCHAIN_CACHE).apply(tree);
    }

    static String prepare(Path repo, ExampleRepository.Edit variant) throws IOException {
        return ExampleRepository.prepare(EXAMPLE, repo, tree -> {
            quick(tree);
            variant.apply(tree);
        });
    }

    /** The JIT baseline answers differently from the AOT binary. */
    static void parityDivergence(Path tree) throws IOException {
        replace(tree.resolve("src/Hello.java"), "\"Hello from Fuse\\n\"", "\"Hello from Fuse (JIT)\\n\"");
    }

    /** A looser size limit than the published release's contract, without a rationale. */
    static void relaxedWithoutRationale(Path tree) throws IOException {
        replace(
                tree.resolve("release-contract.json"),
                "\"strippedBinaryMaxBytes\": 25000000",
                "\"strippedBinaryMaxBytes\": 30000000");
    }

    /** One more build step after the others, e.g. one that plants a link in the build output. */
    static void extraBuildStep(Path tree, String... argv) throws IOException {
        extraBuildStep(tree, 30, argv);
    }

    static void extraBuildStep(Path tree, int timeoutSeconds, String... argv) throws IOException {
        String run = String.join(
                ", ", java.util.Arrays.stream(argv).map(a -> "\"" + a + "\"").toList());
        replace(
                tree.resolve("fuse-release.json"),
                "    }\n  ],\n  \"measure\"",
                "    },\n    { \"name\": \"extra\", \"run\": [" + run + "], \"timeoutSeconds\": " + timeoutSeconds
                        + " }\n  ],\n  \"measure\"");
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer contains: " + from);
        }
        Files.writeString(file, text.replace(from, to));
    }
}
