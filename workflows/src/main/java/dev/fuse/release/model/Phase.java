package dev.fuse.release.model;

/** Where a release is in its life. Terminal phases: PUBLISHED, REJECTED, FAILED. */
public enum Phase {
    PLANNING,
    BUILDING,
    METADATA,
    AWAITING_APPROVAL,
    PUBLISHING,
    PUBLISHED,
    REJECTED,
    FAILED;

    public boolean terminal() {
        return this == PUBLISHED || this == REJECTED || this == FAILED;
    }
}
