package dev.fuse.release.contract.model;

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
