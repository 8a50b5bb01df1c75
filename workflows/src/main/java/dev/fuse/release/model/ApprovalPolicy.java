package dev.fuse.release.model;

import java.util.List;

/**
 * Who may approve a release and how many must, as the orchestrator worker read it from its policy
 * file (never from the release request). Carried into the workflow by an activity when the release
 * starts waiting for approval, so what was enforced stays in its history.
 *
 * @param approvers names (or, with signed approvals, allowed-signers principals) who may decide;
 *     empty: anyone
 * @param requiredApprovals distinct approvals needed to publish
 * @param requesterMayApprove whether the person who started the release may approve it
 * @param approvalWindowSeconds how long the release waits for enough approvals; expiry rejects it
 * @param requireSignedApprovals whether each decision must carry an SSH signature by a key of
 *     {@code allowedSigners}; the approver is then the key's principal, not a typed name
 * @param allowedSigners the text of an OpenSSH allowed-signers file, or null
 * @param source where the policy came from (a file path, or "defaults"), for messages
 */
public record ApprovalPolicy(
        List<String> approvers,
        int requiredApprovals,
        boolean requesterMayApprove,
        long approvalWindowSeconds,
        boolean requireSignedApprovals,
        String allowedSigners,
        String source) {
    public static final long DEFAULT_WINDOW_SECONDS = 7L * 24 * 3600;

    public ApprovalPolicy {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    /** No policy file: one approval, by anyone but the requester, within seven days. */
    public static ApprovalPolicy defaults() {
        return new ApprovalPolicy(List.of(), 1, false, DEFAULT_WINDOW_SECONDS, false, null, "defaults");
    }
}
