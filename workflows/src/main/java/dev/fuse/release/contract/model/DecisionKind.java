package dev.fuse.release.contract.model;

/** What became of a release waiting for approval. An expired approval counts as a rejection. */
public enum DecisionKind {
    APPROVED("approved"),
    REJECTED("rejected"),
    EXPIRED("expired");

    private final String word;

    DecisionKind(String word) {
        this.word = word;
    }

    /** As a sentence says it: "approved by alice". */
    public String word() {
        return word;
    }
}
