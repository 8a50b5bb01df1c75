package dev.fuse.release.notes;

import java.util.List;

/**
 * Everything the notes are written from; all of it depends on the revision, the base and the
 * contracts only, so the same inputs give the same bytes.
 *
 * @param base the release the notes start from, or null for a project's first release
 * @param overrideReason why the base was named by hand ({@code --notes-since}), or null
 * @param contractChanges how the contract differs from the base's (empty: unchanged or no base)
 */
public record NotesInput(
        String project,
        String version,
        PreviousRelease.Published base,
        PreviousRelease.Published lastCandidate,
        String overrideReason,
        CommitRange range,
        List<ContractDiff.Change> contractChanges,
        String contractRationale) {
    public NotesInput {
        contractChanges = List.copyOf(contractChanges);
    }

    public boolean contractChanged() {
        return !contractChanges.isEmpty();
    }
}
