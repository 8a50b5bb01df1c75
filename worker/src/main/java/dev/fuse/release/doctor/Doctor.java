package dev.fuse.release.doctor;

import dev.fuse.release.client.TemporalConnection;
import dev.fuse.release.signing.ReleaseSigningKey;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.S3ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a deployment for one role, as that role's process would see it (same environment, same
 * PATH), and names each problem with its fix. Checks that need something that failed are
 * reported as skipped rather than failing twice.
 */
public final class Doctor {
    /**
     * What was checked for {@code role}, in order.
     *
     * @param unavailable Temporal or the bucket could not be reached or refused the connection (a
     *     TLS handshake included): every other command would fail with exit 4 too
     */
    public record Report(Role role, List<Finding> findings, boolean unavailable) {
        public boolean healthy() {
            return findings.stream().noneMatch(f -> f.status() == Finding.Status.FAIL);
        }

        public long problems() {
            return findings.stream()
                    .filter(f -> f.status() == Finding.Status.FAIL)
                    .count();
        }
    }

    private Doctor() {}

    public static Report run(Role role, Map<String, String> env) {
        List<Finding> findings = new ArrayList<>();
        if (role != Role.CLI) findings.add(WorkerChecks.config(role, env));
        boolean unavailable;
        try (TemporalConnection temporal = TemporalChecks.connect(env, findings)) {
            unavailable = temporal == null;
            if (temporal != null) findings.add(TemporalChecks.searchAttributes(temporal));
        }
        try (S3ObjectStore store = StoreChecks.open(env, findings)) {
            unavailable |= StoreChecks.unreachable(findings);
            storeChecks(role, store, findings);
            if (role == Role.SIGNER) signing(env, store, findings);
            if (role == Role.ORCHESTRATOR || role == Role.SIGNER) {
                findings.add(KeyChecks.policy(path(env.get("FUSE_RELEASE_POLICY"))));
            }
        }
        findings.add(ToolChecks.check(role, env));
        return new Report(role, List.copyOf(findings), unavailable);
    }

    private static void storeChecks(Role role, S3ObjectStore store, List<Finding> findings) {
        String access = role == Role.CLI ? "read" : StoreChecks.WRITE_ONCE;
        if (store == null) {
            findings.add(Finding.skip(access, "the bucket is not reachable"));
            findings.add(Finding.skip(StoreChecks.CLOCK, "the bucket is not reachable"));
            return;
        }
        findings.add(role == Role.CLI ? StoreChecks.readable(store) : StoreChecks.writeOnce(store));
        findings.add(StoreChecks.clock(store));
    }

    /** The key the signer holds, and whether verifiers trust it. */
    private static void signing(Map<String, String> env, S3ObjectStore store, List<Finding> findings) {
        ReleaseSigningKey key = KeyChecks.key(path(env.get("FUSE_RELEASE_SIGNING_KEY")), findings);
        if (key == null) findings.add(Finding.skip(KeyChecks.SIGNERS, "no signing key loaded"));
        else findings.add(KeyChecks.allowedSigners(key, env, store == null ? null : new ArtifactStore(store)));
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
