package dev.fuse.release.notes;

import java.util.List;

/**
 * Everything the notes are written from; all of it depends on the revision, the bases and the
 * contracts only, so the same inputs give the same bytes.
 *
 * @param contractChanges how the contract differs from the previous release's (empty: unchanged
 *     or no previous release)
 */
public record NotesInput(
        String project,
        String version,
        Bases bases,
        CommitRange range,
        List<ContractDiff.Change> contractChanges,
        String contractRationale) {
    public NotesInput {
        contractChanges = List.copyOf(contractChanges);
    }

    /**
     * Where the notes start and what they compare with.
     *
     * @param base where the commit range starts: the previous release, or the one named by hand;
     *     null for a first release. Its version is null when it was named as a commit.
     * @param previous the previous published, not yanked, stable release (the ledger's): the
     *     contract is compared with it whatever the range's base, so a hand-picked base cannot hide
     *     a contract change; null for a first release
     * @param lastCandidate the newest candidate published since {@code previous}, or null
     * @param overrideReason why the base was named by hand ({@code --notes-since}), or null
     */
    public record Bases(
            PreviousRelease.Published base,
            PreviousRelease.Published previous,
            PreviousRelease.Published lastCandidate,
            String overrideReason) {
        /** The ledger's base, not overridden. */
        public static Bases fromLedger(PreviousRelease.Published previous, PreviousRelease.Published lastCandidate) {
            return new Bases(previous, previous, lastCandidate, null);
        }
    }

    public PreviousRelease.Published base() {
        return bases.base();
    }

    public PreviousRelease.Published previous() {
        return bases.previous();
    }

    public boolean contractChanged() {
        return !contractChanges.isEmpty();
    }
}
