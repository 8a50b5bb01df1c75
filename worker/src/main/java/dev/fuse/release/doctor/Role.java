package dev.fuse.release.doctor;

import java.util.Locale;

/** Whose deployment {@code doctor} checks; each role needs different things. */
public enum Role {
    /** Serves the fuse-release queue: plans, gathers, asks for approval. */
    ORCHESTRATOR,
    /** Holds the release key and serves the fuse-release-signer queue: signs, publishes, rolls back. */
    SIGNER,
    /** Serves one platform's queue: builds, measures and stages. */
    TARGET,
    /** A release manager's or approver's machine. */
    CLI;

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--role '" + text + "' is not one of orchestrator, signer, target, cli", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
