package dev.fuse.release.contract.model;

/**
 * Where a release is in its life. Terminal phases: PUBLISHED, REJECTED, FAILED, ABANDONED (an
 * operator gave up on a failed target, or nobody acted within the operator window) and CANCELLED
 * (a Temporal cancellation, from the CLI or the UI).
 */
public enum Phase {
    PLANNING,
    BUILDING,
    METADATA,
    AWAITING_APPROVAL,
    PUBLISHING,
    PUBLISHED,
    REJECTED,
    FAILED,
    ABANDONED,
    CANCELLED;

    public boolean terminal() {
        return this == PUBLISHED || this == REJECTED || this == FAILED || this == ABANDONED || this == CANCELLED;
    }
}
