package dev.fuse.release.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.secrets.StepEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recipe's sections about what runs besides the build steps and with what: the measurement
 * and parity commands, argv arrays, and the worker variables the commands may see. Every problem
 * is added to {@code errors} with its JSON path, as {@link RecipeLoader} does.
 */
final class RecipeCommands {
    private RecipeCommands() {}

    /** The worker variables the recipe's commands need; a credential of the worker is refused. */
    static List<String> environment(JsonNode node, List<String> errors) {
        List<String> names = new ArrayList<>();
        if (node.isMissingNode()) return names;
        if (!node.isArray()) {
            errors.add("environment: must be a list of variable names, e.g. [\"CARGO_HOME\"]");
            return names;
        }
        for (JsonNode n : node) {
            String name = n.asText(null);
            Optional<String> refusal = StepEnvironment.refusal(name);
            if (!n.isTextual() || refusal.isPresent()) {
                errors.add("environment: " + refusal.orElse("every entry must be a variable name, got " + n));
            } else if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    static Recipe.Measure measure(JsonNode node, List<String> errors) {
        if (!node.isObject()) {
            errors.add("measure: required object with jit (the JIT-native baseline command) and strip");
            return null;
        }
        int runs = node.path("coldStartRuns").asInt(20);
        if (runs < 1 || runs > 1000)
            errors.add("measure.coldStartRuns: 1 to 1000 (default 20), got " + node.path("coldStartRuns"));
        int warmup = node.path("warmupRuns").asInt(2);
        if (warmup < 0 || warmup > 100)
            errors.add("measure.warmupRuns: 0 to 100 (default 2), got " + node.path("warmupRuns"));
        int ready = node.path("readyTimeoutSeconds").asInt(30);
        if (ready < 1 || ready > 600) errors.add("measure.readyTimeoutSeconds: 1 to 600 (default 30)");
        List<String> jit = argv(node.path("jit"), "measure.jit", errors);
        List<String> strip = node.has("strip")
                ? argv(node.path("strip"), "measure.strip", errors)
                : List.of("strip", "-o", "${output}", "${input}");
        return new Recipe.Measure(runs, warmup, jit, strip, ready);
    }

    static Recipe.Parity parity(JsonNode node, List<String> errors) {
        if (!node.isObject()) {
            errors.add("parity: required object with run (writes a JUnit XML report to ${report})");
            return null;
        }
        List<String> run = argv(node.path("run"), "parity.run", errors);
        if (run.stream().noneMatch(a -> a.contains("${report}"))) {
            errors.add("parity.run: must pass ${report}, where the suite writes its JUnit XML report");
        }
        int timeout = node.path("timeoutSeconds").asInt(300);
        if (timeout < 1 || timeout > 3 * 3600) errors.add("parity.timeoutSeconds: 1 to 10800 (default 300)");
        return new Recipe.Parity(run, timeout);
    }

    static List<String> argv(JsonNode node, String where, List<String> errors) {
        List<String> argv = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            errors.add(where + ": required non-empty array (argv, no shell string)");
            return argv;
        }
        for (JsonNode arg : node) {
            if (!arg.isTextual()) {
                errors.add(where + ": every argument must be a string, got " + arg);
                continue;
            }
            for (String unknown : Placeholders.unknownIn(arg.asText())) {
                errors.add(where + ": unknown placeholder ${" + unknown + "}");
            }
            argv.add(arg.asText());
        }
        return argv;
    }
}
