package dev.fuse.release.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.app.FuseReleaseApp;
import dev.fuse.release.git.ExampleRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Releases driven through the CLI, as a release manager would: start, wait, approve, wait. */
final class Releases {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_NANOS = 60L * 60 * 1_000_000_000;

    private Releases() {}

    /**
     * Starts every version at once (of {@code targets}, or the default three when empty), approves
     * each as it reaches approval and returns when all are published.
     */
    static void startAndPublish(Map<String, String> env, Path repo, List<String> versions, List<String> targets)
            throws Exception {
        for (String version : versions) {
            List<String> args = new ArrayList<>(List.of(
                    "start", "--version", version, "--revision", ExampleRepository.BRANCH, "--repo", repo.toString()));
            for (String t : targets) args.addAll(List.of("--target", t));
            cli(env, args.toArray(String[]::new));
        }
        for (String version : versions) await(env, version, "AWAITING_APPROVAL");
        for (String version : versions)
            cli(env, "approve", version, "--approver", "bench-approver", "--comment", "bench");
        for (String version : versions) await(env, version, "PUBLISHED");
    }

    /**
     * Polls {@code status} once a second, as `watch` does, until the release reaches {@code phase};
     * fails if it ends otherwise. Tighter polling loads the worker and the server it measures.
     */
    static void await(Map<String, String> env, String version, String phase) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            JsonNode status = JSON.readTree(cli(env, "status", version, "--output", "json"));
            String now = status.path("phase").asText();
            if (now.equals(phase)) return;
            if (now.equals("FAILED") || now.equals("REJECTED") || now.equals("ABANDONED")) {
                throw new IllegalStateException("release " + version + " ended " + now + ": " + status);
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("release " + version + " never reached " + phase);
    }

    /** Runs the CLI in this JVM; returns its standard output, or fails with it. */
    static String cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = FuseReleaseApp.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, env, false, args);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + code + ": " + out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
