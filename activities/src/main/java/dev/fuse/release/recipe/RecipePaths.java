package dev.fuse.release.recipe;

import dev.fuse.release.contract.model.ArtifactType;
import java.util.List;
import java.util.Set;

/**
 * The rules for paths in a recipe, checked in planning so that a recipe can never point packaging
 * outside the build: an artifact's {@code from} is the build output ({@code ${out}/...}) or a
 * folder of the checkout, and members are relative names below it. Packaging checks the files
 * themselves again (links, devices) when it reads them.
 */
public final class RecipePaths {
    /** Placeholders that expand to plain names, never to a path that could leave a folder. */
    private static final Set<String> NAME_PLACEHOLDERS = Set.of("target", "version", "exe");

    private static final String OUT = "${out}";

    private RecipePaths() {}

    /** What is wrong with an artifact's {@code from}, or null. */
    public static String fromProblem(ArtifactType type, String from) {
        String relative = from;
        if (from.equals(OUT) || from.startsWith(OUT + "/")) {
            if (type == ArtifactType.VSCODE) {
                return "'" + from
                        + "' must be a folder of the checkout (the extension is packaged from source, not built)";
            }
            relative = from.equals(OUT) ? "" : from.substring(OUT.length() + 1);
        }
        String problem = relativeProblem(relative);
        if (problem != null) {
            return "'" + from + "' " + problem + " (use ${out}/<dir> for build output or a folder of the checkout)";
        }
        return null;
    }

    /** What is wrong with a member name, or null. */
    public static String memberProblem(String member) {
        if (member.isBlank()) return "must not be empty";
        return relativeProblem(member);
    }

    private static String relativeProblem(String path) {
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) return "must be a relative path, not an absolute one";
        if (path.contains("\\")) return "must use '/' and no backslashes";
        if (List.of(path.split("/", -1)).contains("..")) return "must not contain '..'";
        for (String name : Placeholders.namesIn(path)) {
            if (!NAME_PLACEHOLDERS.contains(name)) {
                return "may use only ${target}, ${version} and ${exe} here (and ${out} at the start of from), not ${"
                        + name + "}";
            }
        }
        return null;
    }
}
