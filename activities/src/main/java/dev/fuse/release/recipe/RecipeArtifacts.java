package dev.fuse.release.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.model.ArtifactType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The recipe's {@code artifacts} section: what each archive is made from, checked against the revision. */
final class RecipeArtifacts {
    private RecipeArtifacts() {}

    static Map<ArtifactType, Recipe.ArtifactSpec> artifacts(JsonNode node, Path projectRoot, List<String> errors) {
        Map<ArtifactType, Recipe.ArtifactSpec> specs = new EnumMap<>(ArtifactType.class);
        if (!node.isObject()) {
            errors.add("artifacts: must be an object with cli, aot and vscode");
            return specs;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (Arrays.stream(ArtifactType.values()).noneMatch(t -> t.id().equals(name))) {
                errors.add("artifacts." + name + ": unknown artifact type (known: cli, aot, vscode)");
            }
        }
        for (ArtifactType type : ArtifactType.values()) {
            JsonNode spec = node.path(type.id());
            if (spec.isMissingNode()) {
                errors.add("artifacts." + type.id() + ": required");
                continue;
            }
            specs.put(type, artifact(type, spec, projectRoot, errors));
        }
        return specs;
    }

    private static Recipe.ArtifactSpec artifact(
            ArtifactType type, JsonNode spec, Path projectRoot, List<String> errors) {
        String where = "artifacts." + type.id();
        String from = spec.path("from").asText(null);
        String fromProblem =
                from == null || from.isBlank() ? "required directory" : RecipePaths.fromProblem(type, from);
        if (fromProblem != null) {
            errors.add(where + ".from: " + fromProblem);
        } else if (type == ArtifactType.VSCODE
                && projectRoot != null
                && !Files.isDirectory(projectRoot.resolve(from))) {
            errors.add(where + ".from: directory " + from + " does not exist in the revision");
        }
        List<String> members = members(spec.path("members"), where, errors);
        String executable = spec.path("executable").asText(null);
        if (type != ArtifactType.VSCODE) {
            if (executable == null) {
                errors.add(where + ".executable: required (the member whose digest the manifest records)");
            } else if (!members.contains(executable)) {
                errors.add(where + ".executable: '" + executable + "' is not one of the members");
            }
        }
        if (type == ArtifactType.VSCODE && !members.contains("package.json")) {
            errors.add(where + ".members: a VS Code extension needs package.json");
        }
        return new Recipe.ArtifactSpec(from, members, executable);
    }

    private static List<String> members(JsonNode membersNode, String where, List<String> errors) {
        List<String> members = new ArrayList<>();
        if (!membersNode.isArray() || membersNode.isEmpty()) {
            errors.add(where + ".members: required non-empty array of file names");
            return members;
        }
        for (JsonNode m : membersNode) {
            String member = m.asText("");
            String memberProblem = RecipePaths.memberProblem(member);
            if (memberProblem != null) {
                errors.add(where + ".members: '" + member + "' " + memberProblem);
            }
            members.add(member);
        }
        if (members.stream().distinct().count() != members.size()) {
            errors.add(where + ".members: a member is listed twice");
        }
        return members;
    }
}
