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

    /** Three measured runs per mode instead of twenty: the suite checks behaviour, not timing. */
    static void quick(Path tree) throws IOException {
        replace(tree.resolve("fuse-release.json"), "\"coldStartRuns\": 20", "\"coldStartRuns\": 3");
        replace(tree.resolve("fuse-release.json"), "\"warmupRuns\": 2", "\"warmupRuns\": 1");
    }

    static String prepare(Path repo, ExampleRepository.Edit variant) throws IOException {
        return ExampleRepository.prepare(EXAMPLE, repo, tree -> {
            quick(tree);
            variant.apply(tree);
        });
    }

    /** AOT start slower than the JIT baseline: 1.5 s of sleep before listening. */
    static void slowAotStart(Path tree) throws IOException {
        replace(
                tree.resolve("src/hello_http.c"),
                "  trace(\"listening\");",
                "  usleep(1500000);\n  trace(\"listening\");");
    }

    /** A 26 MiB table that survives strip. */
    static void bigBinary(Path tree) throws IOException {
        replace(
                tree.resolve("src/hello_http.c"),
                "static const char BODY[] = \"Hello from Fuse\\n\";",
                "static const char BODY[] = \"Hello from Fuse\\n\";\nstatic const volatile char PAD[26 << 20] = {1};");
        replace(
                tree.resolve("src/hello_http.c"),
                "  tracing = env_is(",
                "  if (getenv(\"FUSE_PAD\")) putchar(PAD[1]);\n  tracing = env_is(");
    }

    /** The JIT baseline answers differently from the AOT binary. */
    static void parityDivergence(Path tree) throws IOException {
        replace(tree.resolve("src/Hello.java"), "\"Hello from Fuse\\n\"", "\"Hello from Fuse (JIT)\\n\"");
    }

    /** The binary no longer embeds the contract key. */
    static void missingBuildInfoKey(Path tree) throws IOException {
        replace(tree.resolve("src/hello_http.c"), "\\\"contract\\\":\\\"%s\\\",", "");
        replace(tree.resolve("src/hello_http.c"), "FUSE_CONTRACT, FUSE_LINKAGE);", "FUSE_LINKAGE);");
    }

    /** A two-second build step against a one-second build-time budget (a tightened contract). */
    static void slowBuild(Path tree) throws IOException {
        replace(
                tree.resolve("fuse-release.json"),
                "  \"build\": [\n",
                "  \"build\": [\n    { \"name\": \"slow\", \"run\": [\"sleep\", \"2\"], \"timeoutSeconds\": 60 },\n");
        replace(
                tree.resolve("release-contract.json"),
                "\"buildTimeP95MaxSeconds\": 600",
                "\"buildTimeP95MaxSeconds\": 1");
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
