package dev.fuse.release.worker;

import dev.fuse.release.contract.model.DurationText;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.host.HostClass;
import dev.fuse.release.notify.WebhookSettings;
import dev.fuse.release.support.Failpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What one worker process serves and how, validated all at once.
 *
 * @param orchestrator serve the {@code fuse-release} queue (workflows, plan, metadata)
 * @param targets platforms whose queues to serve ({@code fuse-release-<platform>}): target ids,
 *     or {@code synthetic} for the synthetic targets of scale drills
 * @param emulated platforms other than the host's this worker may build, marked emulated (dev only)
 * @param devStack true against the embedded test server: disables sticky workflow caching, which
 *     that server cannot recover from when a worker dies
 * @param shutdownGrace how long running activities may finish once the worker is told to stop
 * @param orchestration what an orchestrator and a signer work with (unused by a worker of target
 *     queues only)
 */
public record WorkerConfig(
        boolean orchestrator,
        Set<String> targets,
        Set<String> emulated,
        Path workDir,
        boolean devStack,
        Duration shutdownGrace,
        Orchestration orchestration) {

    /**
     * @param allowEmulatedPublish publishing policy for releases containing emulated builds
     * @param signingKey the release signing key (an OpenSSH Ed25519 private key): a worker that
     *     holds one is a signer, serving {@code fuse-release-signer} (publication and rollback);
     *     null for every other worker
     * @param approvalPolicy the approval policy file (orchestrator and signer), or null for the defaults
     * @param notifications the webhook endpoints it notifies, their secret and the console address
     */
    public record Orchestration(
            boolean allowEmulatedPublish, Path signingKey, Path approvalPolicy, WebhookSettings notifications) {
        public Orchestration {
            notifications = notifications == null ? WebhookSettings.none() : notifications;
        }
    }

    /** Below the default heartbeat timeout (a minute), and within the 30 s most service managers wait. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    /** Holds the release key, so serves the signer's queue: publication and rollback. */
    public boolean signer() {
        return orchestration.signingKey() != null;
    }

    public WorkerConfig {
        targets = Set.copyOf(targets);
        emulated = Set.copyOf(emulated);
        shutdownGrace = shutdownGrace == null ? DEFAULT_SHUTDOWN_GRACE : shutdownGrace;
    }

    /** Fault drills only (docs/operations.md): unset in production. */
    private static void armFailpoints(Map<String, String> env, List<String> errors) {
        try {
            Failpoints.armFromEnvironment(env.get("FUSE_RELEASE_FAILPOINTS"));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
    }

    /**
     * Reads {@code FUSE_RELEASE_TARGETS} (default: this host's own target, when it is one;
     * {@code none} for an orchestrator-only worker),
     * {@code FUSE_RELEASE_EMULATE}, {@code FUSE_RELEASE_ORCHESTRATOR} (default true),
     * {@code FUSE_RELEASE_WORK_DIR}, {@code FUSE_RELEASE_ALLOW_EMULATED_PUBLISH} (default false),
     * {@code FUSE_RELEASE_SIGNING_KEY} (makes the worker a signer), {@code FUSE_RELEASE_POLICY},
     * {@code FUSE_RELEASE_NOTIFY}, {@code FUSE_RELEASE_NOTIFY_SECRET}, {@code FUSE_RELEASE_CONSOLE_URL},
     * {@code FUSE_RELEASE_SHUTDOWN_GRACE} (default 20 s).
     */
    public static WorkerConfig fromEnvironment(Map<String, String> env) {
        List<String> errors = new ArrayList<>();
        String host = HostClass.current();
        Set<String> emulated = platforms(env.get("FUSE_RELEASE_EMULATE"), "FUSE_RELEASE_EMULATE", errors);
        Set<String> targets = targets(env.get("FUSE_RELEASE_TARGETS"), host, emulated, errors);
        checkServable(targets, host, emulated, errors);
        boolean orchestrator = Boolean.parseBoolean(env.getOrDefault("FUSE_RELEASE_ORCHESTRATOR", "true"));
        Path signingKey = path(env.get("FUSE_RELEASE_SIGNING_KEY"));
        if (!orchestrator && targets.isEmpty() && signingKey == null) {
            errors.add("this worker would serve no queue: set FUSE_RELEASE_TARGETS, FUSE_RELEASE_ORCHESTRATOR=true or"
                    + " (a signer) FUSE_RELEASE_SIGNING_KEY");
        }
        Path workDir = Path.of(
                env.getOrDefault("FUSE_RELEASE_WORK_DIR", System.getProperty("java.io.tmpdir") + "/fuse-release-work"));
        boolean allowEmulated = Boolean.parseBoolean(env.getOrDefault("FUSE_RELEASE_ALLOW_EMULATED_PUBLISH", "false"));
        boolean devStack = Boolean.parseBoolean(env.getOrDefault("FUSE_RELEASE_DEV_STACK", "false"));
        WebhookSettings notifications = WebhookSettings.parse(
                env.get("FUSE_RELEASE_NOTIFY"),
                env.get("FUSE_RELEASE_NOTIFY_SECRET"),
                env.get("FUSE_RELEASE_CONSOLE_URL"),
                errors);
        Duration grace = shutdownGrace(env.get("FUSE_RELEASE_SHUTDOWN_GRACE"), errors);
        armFailpoints(env, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new WorkerConfig(
                orchestrator,
                targets,
                emulated,
                workDir,
                devStack,
                grace,
                new Orchestration(allowEmulated, signingKey, path(env.get("FUSE_RELEASE_POLICY")), notifications));
    }

    /** FUSE_RELEASE_TARGETS: unset means the host's own target and the emulated ones; none means orchestrator only. */
    private static Set<String> targets(String text, String host, Set<String> emulated, List<String> errors) {
        if (text == null || text.isBlank()) {
            Set<String> targets = new LinkedHashSet<>();
            Target.fromId(host).ifPresent(t -> targets.add(t.platform()));
            targets.addAll(emulated);
            return targets;
        }
        return text.trim().equals("none") ? Set.of() : platforms(text, "FUSE_RELEASE_TARGETS", errors);
    }

    /** Every platform served is the host's own or emulated; synthetic ones only ever are. */
    private static void checkServable(Set<String> targets, String host, Set<String> emulated, List<String> errors) {
        for (String t : targets) {
            if (t.equals(host) || emulated.contains(t)) continue;
            errors.add(
                    t.equals(Target.SYNTHETIC_PLATFORM)
                            ? "FUSE_RELEASE_TARGETS names synthetic, whose targets are only ever emulated: add synthetic to"
                                    + " FUSE_RELEASE_EMULATE (scale drills only)"
                            : "FUSE_RELEASE_TARGETS names " + t + " but this host is " + host
                                    + ": serve it from a native " + t
                                    + " runner, or add it to FUSE_RELEASE_EMULATE (dev only)");
        }
    }

    private static Duration shutdownGrace(String text, List<String> errors) {
        if (text == null || text.isBlank() || text.equals("0s")) {
            return text == null || text.isBlank() ? DEFAULT_SHUTDOWN_GRACE : Duration.ZERO;
        }
        OptionalLong seconds = DurationText.seconds(text.trim());
        if (seconds.isEmpty() || seconds.getAsLong() > 3600) {
            errors.add("FUSE_RELEASE_SHUTDOWN_GRACE is '" + text + "'; give 0s to 1h, e.g. 20s (keep it below the"
                    + " releases' heartbeat timeout)");
            return DEFAULT_SHUTDOWN_GRACE;
        }
        return Duration.ofSeconds(seconds.getAsLong());
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static Set<String> platforms(String text, String variable, List<String> errors) {
        Set<String> set = new LinkedHashSet<>();
        if (text == null || text.isBlank()) return set;
        for (String id : text.split(",")) {
            String trimmed = id.trim();
            if (Target.platforms().contains(trimmed)) {
                set.add(trimmed);
            } else {
                errors.add(variable + ": unknown target '" + trimmed + "' (use " + String.join(", ", Target.platforms())
                        + ")");
            }
        }
        return set;
    }
}
