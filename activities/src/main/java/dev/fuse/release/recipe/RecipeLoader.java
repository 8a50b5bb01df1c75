package dev.fuse.release.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.InvalidRequestException;
import dev.fuse.release.support.JsonSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates a recipe. Every problem is collected and reported together, each naming
 * the JSON path it is about, so one edit fixes them all.
 */
public final class RecipeLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Set<String> TOP_LEVEL = Set.of(
            "recipeVersion",
            "project",
            "toolchain",
            "build",
            "artifacts",
            "reproducibilityCheck",
            "measure",
            "parity",
            "environment");

    private RecipeLoader() {}

    public static Recipe load(Path projectRoot) {
        Path file = projectRoot.resolve(Recipe.FILE_NAME);
        try {
            return parse(Files.readString(file), projectRoot);
        } catch (NoSuchFileException e) {
            throw new InvalidRequestException(List.of("no " + Recipe.FILE_NAME
                    + " at the root of the revision: add the release recipe (see docs/recipe.md)"));
        } catch (IOException e) {
            throw new InvalidRequestException(List.of("cannot read " + Recipe.FILE_NAME + ": " + e.getMessage()));
        }
    }

    /** Parses recipe text; {@code projectRoot} (nullable) lets paths be checked to exist. */
    public static Recipe parse(String text, Path projectRoot) {
        JsonNode root = object(text);
        List<String> errors = new ArrayList<>();
        unknownFields(root, errors);
        int version = root.path("recipeVersion").asInt(-1);
        if (version != 1) {
            errors.add("recipeVersion: must be 1, got " + root.path("recipeVersion"));
        }
        String project = text(root, "project", errors);
        if (project != null && !project.matches("[a-z][a-z0-9-]{0,39}")) {
            errors.add("project: '" + project + "' must be lowercase letters, digits and '-'");
        }
        JsonNode toolchain = root.path("toolchain");
        String rustToolchainFile = toolchain.path("rustToolchainFile").asText(null);
        String node = toolchain.path("node").asText(null);
        checkToolchain(rustToolchainFile, node, projectRoot, errors);
        List<Recipe.BuildStep> steps = steps(root.path("build"), errors);
        Map<ArtifactType, Recipe.ArtifactSpec> artifacts =
                RecipeArtifacts.artifacts(root.path("artifacts"), projectRoot, errors);
        JsonNode repro = root.path("reproducibilityCheck");
        if (!repro.isMissingNode() && !repro.isBoolean()) {
            errors.add("reproducibilityCheck: must be true or false, got " + repro);
        }
        Recipe.Measure measure = RecipeCommands.measure(root.path("measure"), errors);
        Recipe.Parity parity = RecipeCommands.parity(root.path("parity"), errors);
        List<String> environment = RecipeCommands.environment(root.path("environment"), errors);
        if (!errors.isEmpty()) {
            List<String> prefixed =
                    errors.stream().map(e -> Recipe.FILE_NAME + ": " + e).toList();
            throw new InvalidRequestException(prefixed);
        }
        return new Recipe(
                version,
                project,
                rustToolchainFile,
                node,
                steps,
                artifacts,
                repro.asBoolean(true),
                measure,
                parity,
                environment);
    }

    private static JsonNode object(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(JsonSyntax.describe(Recipe.FILE_NAME, e)));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(List.of(Recipe.FILE_NAME + " must hold a JSON object"));
        }
        return root;
    }

    private static void unknownFields(JsonNode root, List<String> errors) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TOP_LEVEL.contains(name)) {
                errors.add("unknown field '" + name + "' (known: "
                        + String.join(", ", TOP_LEVEL.stream().sorted().toList()) + ")");
            }
        }
    }

    private static void checkToolchain(String rustToolchainFile, String node, Path projectRoot, List<String> errors) {
        if (rustToolchainFile == null) {
            errors.add("toolchain.rustToolchainFile: required (usually rust-toolchain.toml)");
        } else if (projectRoot != null && !Files.isRegularFile(projectRoot.resolve(rustToolchainFile))) {
            errors.add("toolchain.rustToolchainFile: " + rustToolchainFile + " does not exist in the revision");
        }
        if (node == null || !node.matches("[0-9]+")) {
            errors.add("toolchain.node: required major Node.js version, e.g. \"24\"");
        }
    }

    private static List<Recipe.BuildStep> steps(JsonNode build, List<String> errors) {
        List<Recipe.BuildStep> steps = new ArrayList<>();
        if (!build.isArray() || build.isEmpty()) {
            errors.add("build: must be a non-empty array of steps");
            return steps;
        }
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < build.size(); i++) {
            JsonNode step = build.get(i);
            String where = "build[" + i + "]";
            String name = step.path("name").asText(null);
            if (name == null || !STEP_NAME.matcher(name).matches()) {
                errors.add(
                        where + ".name: required, lowercase letters, digits and '-' (got " + step.path("name") + ")");
            } else if (!seen.add(name)) {
                errors.add(where + ".name: '" + name + "' is used twice");
            }
            List<String> run = new ArrayList<>();
            JsonNode runNode = step.path("run");
            if (!runNode.isArray() || runNode.isEmpty()) {
                errors.add(where + ".run: required non-empty array (argv, no shell string)");
            } else {
                for (JsonNode arg : runNode) {
                    if (!arg.isTextual()) {
                        errors.add(where + ".run: every argument must be a string, got " + arg);
                    } else {
                        for (String unknown : Placeholders.unknownIn(arg.asText())) {
                            errors.add(where + ".run: unknown placeholder ${" + unknown + "} (known: "
                                    + String.join(
                                            ", ",
                                            Placeholders.NAMES.stream().sorted().toList()) + ")");
                        }
                        run.add(arg.asText());
                    }
                }
            }
            int timeout = step.path("timeoutSeconds").asInt(-1);
            if (timeout < 1 || timeout > 3 * 3600) {
                errors.add(where + ".timeoutSeconds: required, 1 to 10800 (got " + step.path("timeoutSeconds") + ")");
            }
            List<String> staticArgs = step.has("staticArgs")
                    ? RecipeCommands.argv(step.path("staticArgs"), where + ".staticArgs", errors)
                    : List.of();
            steps.add(new Recipe.BuildStep(name, run, timeout, staticArgs));
        }
        return steps;
    }

    private static String text(JsonNode root, String field, List<String> errors) {
        JsonNode value = root.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(field + ": required string");
            return null;
        }
        return value.asText();
    }
}
