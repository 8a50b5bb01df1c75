package dev.fuse.release.doctor;

import dev.fuse.release.worker.WorkerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** The worker's own settings, read as {@code fuse-release worker} would read them for the role. */
final class WorkerChecks {
    static final String CONFIG = "worker config";

    private WorkerChecks() {}

    static Finding config(Role role, Map<String, String> env) {
        String orchestratorFlag = env.get("FUSE_RELEASE_ORCHESTRATOR");
        boolean orchestrator = role == Role.ORCHESTRATOR;
        // A signer may also be the orchestrator (one process in development); the others are what they say.
        if (role != Role.SIGNER && orchestratorFlag != null && Boolean.parseBoolean(orchestratorFlag) != orchestrator) {
            return Finding.fail(
                    CONFIG,
                    "FUSE_RELEASE_ORCHESTRATOR=" + orchestratorFlag + " does not start a " + role.label() + " worker",
                    "set FUSE_RELEASE_ORCHESTRATOR=" + orchestrator + " or run doctor with the role this worker has");
        }
        Map<String, String> asRole = new HashMap<>(env);
        asRole.putIfAbsent("FUSE_RELEASE_ORCHESTRATOR", Boolean.toString(orchestrator));
        WorkerConfig config;
        try {
            config = WorkerConfig.fromEnvironment(asRole);
        } catch (IllegalArgumentException e) {
            return Finding.fail(CONFIG, e.getMessage(), "fix the variables named (docs/configuration.md)");
        }
        if (role == Role.TARGET && config.targets().isEmpty()) {
            return Finding.fail(CONFIG, "FUSE_RELEASE_TARGETS serves no target", "set FUSE_RELEASE_TARGETS");
        }
        String writable = writable(config.workDir());
        if (writable != null) {
            return Finding.fail(CONFIG, writable, "point FUSE_RELEASE_WORK_DIR at a folder this user can write");
        }
        String targets = config.targets().isEmpty() ? "none" : String.join(",", new TreeSet<>(config.targets()));
        String summary = role.label() + "; targets " + targets + "; work dir " + config.workDir();
        if (role != Role.SIGNER && config.signer()) {
            return Finding.warn(
                    CONFIG,
                    summary + "; it also holds the release key, so it signs too",
                    "unset FUSE_RELEASE_SIGNING_KEY here and give the key to a signer worker only"
                            + " (docs/production.md)");
        }
        return Finding.ok(CONFIG, summary);
    }

    /** Null when the work folder can be created and written, else what went wrong. */
    private static String writable(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, "doctor-", ".probe"));
            return null;
        } catch (IOException e) {
            return "work dir " + dir + " is not writable: " + e;
        }
    }
}
