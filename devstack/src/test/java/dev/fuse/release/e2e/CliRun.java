package dev.fuse.release.e2e;

import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.devstack.command.DevStackApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs the real launcher entry point in-process and captures what a user would see. */
record CliRun(int exitCode, String out, String err) {
    static CliRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DevStackApp.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                false,
                args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The variables a release manager's shell would have against {@code stack}: its addresses and
     * credentials, this checkout as {@code FUSE_RELEASE_HOME} and a user name. Mutable: tests add to it.
     */
    static Map<String, String> envOf(DevStack stack) {
        Map<String, String> env = new HashMap<>(stack.env());
        env.put("FUSE_RELEASE_HOME", ExampleVariants.HOME.toString());
        env.put("USER", "release-manager");
        return env;
    }

    /** {@code start} of a linux-x64 release of {@code repo}'s main branch, plus {@code extra} options. */
    static CliRun startLinuxX64(Map<String, String> env, String version, java.nio.file.Path repo, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "start",
                "--version",
                version,
                "--revision",
                "main",
                "--repo",
                repo.toString(),
                "--target",
                "linux-x64"));
        args.addAll(java.util.List.of(extra));
        return run(env, args.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
