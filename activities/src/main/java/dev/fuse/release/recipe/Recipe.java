package dev.fuse.release.recipe;

import dev.fuse.release.contract.model.ArtifactType;
import java.util.List;
import java.util.Map;

/**
 * A project's release recipe ({@code fuse-release.json} at the root of the released revision):
 * which commands build a target and which files each artifact is made of. Placeholders
 * {@code ${target}}, {@code ${version}}, {@code ${out}} and {@code ${exe}} are expanded per target.
 * {@code reproducibilityCheck} (default true) builds every target twice and compares.
 * {@code environment} names the variables of the worker's environment the recipe's commands need
 * beyond the clean set every step gets (see StepEnvironment); credentials are refused in planning.
 */
public record Recipe(
        int recipeVersion,
        String project,
        String rustToolchainFile,
        String node,
        List<BuildStep> build,
        Map<ArtifactType, ArtifactSpec> artifacts,
        boolean reproducibilityCheck,
        Measure measure,
        Parity parity,
        List<String> environment) {

    public static final String FILE_NAME = "fuse-release.json";

    public Recipe {
        build = List.copyOf(build);
        artifacts = Map.copyOf(artifacts);
        environment = environment == null ? List.of() : List.copyOf(environment);
    }

    /**
     * How to measure: cold start runs per mode (plus warm-up runs not counted), the JIT-native
     * baseline command (run in the checkout, must serve HTTP on $PORT), and the strip command.
     */
    public record Measure(
            int coldStartRuns, int warmupRuns, List<String> jit, List<String> strip, int readyTimeoutSeconds) {
        public Measure {
            jit = List.copyOf(jit);
            strip = List.copyOf(strip);
        }
    }

    /** The parity suite: a command that writes a JUnit XML report to ${report}. */
    public record Parity(List<String> run, int timeoutSeconds) {
        public Parity {
            run = List.copyOf(run);
        }
    }

    /**
     * One command of the build; {@code run} is argv, never a shell string. {@code staticArgs} are
     * appended when the release links the target statically (linux-x64 only, never by default).
     */
    public record BuildStep(String name, List<String> run, int timeoutSeconds, List<String> staticArgs) {
        public BuildStep {
            run = List.copyOf(run);
            staticArgs = staticArgs == null ? List.of() : List.copyOf(staticArgs);
        }
    }

    /**
     * How to assemble an artifact: the directory its members come from, the exact members, and
     * which member is the main executable (whose digest the manifest records).
     */
    public record ArtifactSpec(String from, List<String> members, String executable) {
        public ArtifactSpec {
            members = List.copyOf(members);
        }
    }
}
