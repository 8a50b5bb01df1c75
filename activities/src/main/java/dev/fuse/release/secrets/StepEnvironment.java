package dev.fuse.release.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environment a recipe's commands run with (build steps, the JIT baseline, the parity suite,
 * strip, the built binary's checks): never the worker's own, which holds its S3 and Temporal
 * credentials and the path of the release key. Only an allow-list is passed through (the search
 * path and the locale), {@code HOME} and {@code TMPDIR} point inside the workspace, the release's
 * own variables are set, and a recipe may name further variables it needs in {@code environment},
 * which planning refuses when they name a credential of the worker.
 */
public final class StepEnvironment {
    /** Passed through from the worker when set: finding programs and reading text need them. */
    static final List<String> PASSED = List.of("PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ");

    /** Prefixes of the worker's own configuration and credentials: never given to a step. */
    static final List<String> RESERVED_PREFIXES = List.of("AWS_", "TEMPORAL_", "FUSE_RELEASE_", "SSH_", "GIT_");

    private StepEnvironment() {}

    /**
     * Why a recipe may not ask for {@code name}, or empty when it may: the worker's credentials,
     * its configuration (which names the key path) and the agent socket stay with the worker.
     */
    public static Optional<String> refusal(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            return Optional.of("'" + name + "' is not a variable name (letters, digits and '_')");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (String prefix : RESERVED_PREFIXES) {
            if (upper.startsWith(prefix)) {
                return Optional.of(name + " belongs to the worker (" + prefix + "* holds its credentials and"
                        + " configuration) and is never passed to a build step; pass what the build needs under"
                        + " a name of the project's own");
            }
        }
        if (PASSED.contains(name) || name.equals("HOME") || name.equals("TMPDIR")) {
            return Optional.of(name + " is always set for a step; leave it out of environment");
        }
        return Optional.empty();
    }

    /**
     * The environment for a step in {@code workspace}: the allow-list from {@code worker}, HOME and
     * TMPDIR made inside the workspace, the {@code declared} names the worker has, then {@code own}
     * (the release's variables), which win.
     */
    public static Map<String, String> of(
            Path workspace, Map<String, String> worker, List<String> declared, Map<String, String> own)
            throws IOException {
        Map<String, String> env = new TreeMap<>();
        for (String name : PASSED) {
            String value = worker.get(name);
            if (value != null) env.put(name, value);
        }
        env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", Files.createDirectories(workspace.resolve("home")).toString());
        env.put("TMPDIR", Files.createDirectories(workspace.resolve("tmp")).toString());
        for (String name : declared) {
            String value = worker.get(name);
            if (value != null && refusal(name).isEmpty()) env.put(name, value);
        }
        env.putAll(own);
        return Collections.unmodifiableMap(env);
    }

    /** For the recipe's commands: the variables it declares, and the release's SOURCE_DATE_EPOCH. */
    public static Map<String, String> forRecipe(Path workspace, List<String> declared, long sourceDateEpoch)
            throws IOException {
        return of(workspace, System.getenv(), declared, Map.of("SOURCE_DATE_EPOCH", Long.toString(sourceDateEpoch)));
    }

    /** The same for one of our own tools (strip, diffoscope) that needs no project variables. */
    public static Map<String, String> forTool(Path workspace) throws IOException {
        return of(workspace, System.getenv(), List.of(), Map.of());
    }
}
