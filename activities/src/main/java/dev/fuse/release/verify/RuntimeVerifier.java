package dev.fuse.release.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.model.RuntimeChecks;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.process.CommandRunner;
import dev.fuse.release.process.LoopbackPorts;
import dev.fuse.release.process.ProcessLaunch;
import dev.fuse.release.secrets.StepEnvironment;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an AOT binary the ways the contract names: {@code FUSE_AOT_BUILD_INFO=1} must print the
 * seven build metadata keys (target and profile as asked), {@code FUSE_AOT_STARTUP_TRACE=1} must
 * trace startup, and both fatal paths must emit the stable envelope with pid and build metadata.
 * The fatal paths are triggered through the fixture's test hook {@code FUSE_AOT_FATAL}.
 */
public final class RuntimeVerifier {
    public static final List<String> BUILD_INFO_KEYS =
            List.of("mode", "profile", "target", "rustc", "cli", "runtime_cache", "contract");
    private static final long TIMEOUT_SECONDS = 15;

    private RuntimeVerifier() {}

    public static RuntimeChecks check(Path binary, Target target, String expectedProfile)
            throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        Map<String, String> info = buildInfo(binary, problems);
        if (!info.isEmpty()) {
            for (String key : BUILD_INFO_KEYS) {
                if (info.getOrDefault(key, "").isBlank()) problems.add("build info lacks key '" + key + "'");
            }
            if (info.containsKey("target") && !target.id().equals(info.get("target"))) {
                problems.add("build info target '" + info.get("target") + "' but " + target.id() + " was built");
            }
            if (info.containsKey("profile") && !expectedProfile.equals(info.get("profile"))) {
                problems.add("build info profile '" + info.get("profile") + "' but the release uses '" + expectedProfile
                        + "'");
            }
        }
        startupTrace(binary, problems);
        for (String kind : List.of("runtime_fatal", "panic")) {
            fatalEnvelope(binary, kind, problems);
        }
        return new RuntimeChecks(target, info, problems);
    }

    private static Map<String, String> buildInfo(Path binary, List<String> problems)
            throws IOException, InterruptedException {
        Result r = run(binary, Map.of("FUSE_AOT_BUILD_INFO", "1"), false);
        Map<String, String> info = new LinkedHashMap<>();
        if (r.exit != 0) {
            problems.add("FUSE_AOT_BUILD_INFO=1 exited " + r.exit);
            return info;
        }
        try {
            JsonNode json = CanonicalJson.MAPPER.readTree(r.stdout.strip());
            json.properties().forEach(e -> info.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            problems.add("FUSE_AOT_BUILD_INFO=1 printed no JSON object: '" + firstLine(r.stdout) + "'");
        }
        return info;
    }

    private static void startupTrace(Path binary, List<String> problems) throws IOException, InterruptedException {
        Result r = run(
                binary, Map.of("FUSE_AOT_STARTUP_TRACE", "1", "PORT", Integer.toString(LoopbackPorts.free())), true);
        if (r.stderr.lines().noneMatch(l -> l.toLowerCase().contains("startup"))) {
            problems.add("FUSE_AOT_STARTUP_TRACE=1 printed no startup trace");
        }
    }

    private static void fatalEnvelope(Path binary, String kind, List<String> problems)
            throws IOException, InterruptedException {
        Result r = run(binary, Map.of("FUSE_AOT_FATAL", kind, "PORT", Integer.toString(LoopbackPorts.free())), false);
        String line = r.stderr
                .lines()
                .filter(l -> l.startsWith("{"))
                .reduce((a, b) -> b)
                .orElse("");
        if (r.exit == 0) problems.add(kind + ": process exited 0");
        try {
            JsonNode envelope = CanonicalJson.MAPPER.readTree(line);
            if (!kind.equals(envelope.path("kind").asText()))
                problems.add(
                        kind + " envelope has kind '" + envelope.path("kind").asText() + "'");
            if (envelope.path("pid").asLong(-1) != r.pid)
                problems.add(kind + " envelope pid " + envelope.path("pid") + " is not the process's " + r.pid);
            for (String key : BUILD_INFO_KEYS) {
                if (envelope.path("build").path(key).asText("").isBlank())
                    problems.add(kind + " envelope lacks build." + key);
            }
        } catch (IOException e) {
            problems.add(kind + ": no JSON fatal envelope on stderr");
        }
    }

    private record Result(int exit, long pid, String stdout, String stderr) {}

    /** Runs the binary; {@code serve} means it keeps running and is stopped once it traced. */
    private static Result run(Path binary, Map<String, String> env, boolean serve)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(binary.toString());
        // The binary is the recipe's product: it gets a clean environment, never the worker's.
        pb.environment().clear();
        pb.environment().putAll(StepEnvironment.forTool(binary.getParent()));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("fuse-verify", ".out");
        Path err = Files.createTempFile("fuse-verify", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = ProcessLaunch.start(pb);
        try {
            if (serve) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
                while (System.nanoTime() < deadline
                        && p.isAlive()
                        && !Files.readString(err).contains("listening")) {
                    Thread.sleep(20);
                }
                CommandRunner.destroyTree(p);
            } else if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                CommandRunner.destroyTree(p);
            }
            int exit = p.isAlive() ? -1 : p.exitValue();
            return new Result(
                    exit,
                    p.pid(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }
}
