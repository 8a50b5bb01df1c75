package dev.fuse.release.contract.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A base for the release notes named by hand ({@code start --notes-since}), overriding the one
 * the ledger gives (the previous published, not yanked release), with the reason the notes
 * record. It changes the commit range only: the contract and the measurements are still compared
 * with the previous published release, so an override cannot hide a contract change.
 *
 * @param ref a published version (e.g. 0.4.0) or a commit, tag or branch of the repository
 * @param reason why the ledger's base is not the right one, shown in the notes
 */
public record NotesSince(String ref, String reason) {
    public static final int MAX_REF = 200;

    /** Why this override cannot be used, one message per problem; empty when it can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (ref == null || ref.isBlank()) {
            problems.add("--notes-since needs a published version or a commit, e.g. --notes-since 0.4.0");
        } else if (ref.startsWith("-") || ref.length() > MAX_REF || ApprovalDecision.hasControl(ref, false)) {
            problems.add("--notes-since '" + ref.strip() + "' is not a version or a commit; name a published version"
                    + " (0.4.0) or a commit of the repository");
        }
        if (reason == null || reason.isBlank()) {
            problems.add("--notes-since needs --reason <why the previous release is not the right base>: the notes"
                    + " record it");
        } else if (reason.length() > ApprovalDecision.MAX_COMMENT || ApprovalDecision.hasControl(reason, true)) {
            problems.add("--reason must be plain text of at most " + ApprovalDecision.MAX_COMMENT + " characters");
        }
        return problems;
    }
}
