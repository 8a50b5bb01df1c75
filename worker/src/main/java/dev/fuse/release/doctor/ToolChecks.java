package dev.fuse.release.doctor;

import dev.fuse.release.process.Executables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The programs a role runs, found on the PATH this process (and its build steps) would use. */
final class ToolChecks {
    static final String TOOLS = "tools";

    private ToolChecks() {}

    /**
     * Orchestrators clone revisions with git; target workers also build (a C compiler, strip for the
     * size gate); release managers and approvers sign decisions with ssh-keygen; a signer signs in
     * the JVM and needs none.
     */
    static List<String> needed(Role role) {
        return switch (role) {
            case ORCHESTRATOR -> List.of("git");
            case SIGNER -> List.of();
            case TARGET -> List.of("git", "sh", "cc", "strip");
            case CLI -> List.of("ssh-keygen");
        };
    }

    static Finding check(Role role, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String tool : needed(role)) {
            Optional<Path> where = which(tool, path);
            if (where.isPresent()) found.add(where.get().toString());
            else missing.add(tool);
        }
        if (found.isEmpty() && missing.isEmpty()) return Finding.ok(TOOLS, "none needed (signing runs in the JVM)");
        if (missing.isEmpty()) return Finding.ok(TOOLS, String.join(", ", found));
        return Finding.fail(
                TOOLS,
                String.join(", ", missing) + " not found on PATH (" + path + ")",
                "install " + String.join(" and ", missing) + " or add its folder to the worker's PATH");
    }

    static Optional<Path> which(String tool, String path) {
        return Executables.onPath(tool, path);
    }
}
