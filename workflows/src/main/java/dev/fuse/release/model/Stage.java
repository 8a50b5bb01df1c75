package dev.fuse.release.model;

/** Where one target pipeline is. */
public enum Stage {
    PENDING,
    BUILDING,
    VERIFYING,
    REPRODUCING,
    MEASURING,
    PARITY,
    STAGED,
    FAILED
}
