package dev.fuse.release.contract.model;

/** The reproducibility verdict of one artifact; {@link #id()} is how the manifest writes it. */
public enum Reproducibility {
    /** A second, independent build on the target's workers gave the same bytes. */
    REPRODUCED("reproduced"),
    /** It did not, and the contract lets that pass. */
    MISMATCH("mismatch"),
    /** No second build: the recipe turned the check off, or the artifact (the VSIX) is built once. */
    NOT_CHECKED("not-checked");

    private final String id;

    Reproducibility(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
