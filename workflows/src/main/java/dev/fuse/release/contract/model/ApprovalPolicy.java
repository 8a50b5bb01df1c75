package dev.fuse.release.contract.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param operators who may take each operator action (rollback, retry, abandon, cancel); an action
 *     not named falls back to the approvers (see {@link #mayAct})
 * @param maintainers who must also approve a release whose release contract changed since the
 *     previous release (one of them, besides the required number of approvals); empty: such a
 *     release cannot be approved until the policy names them
 */
public record ApprovalPolicy(
        List<String> approvers,
        int requiredApprovals,
        boolean requesterMayApprove,
        long approvalWindowSeconds,
        boolean requireSignedApprovals,
        String allowedSigners,
        String source,
        Map<String, List<String>> operators,
        List<String> maintainers) {
    public static final long DEFAULT_WINDOW_SECONDS = 7L * 24 * 3600;
    public static final List<String> OPERATOR_ACTIONS = List.of("abandon", "cancel", "retry", "rollback");

    public ApprovalPolicy {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        operators = operators == null ? Map.of() : new TreeMap<>(operators);
        maintainers = maintainers == null ? List.of() : List.copyOf(maintainers);
    }

    public ApprovalPolicy(
            List<String> approvers,
            int requiredApprovals,
            boolean requesterMayApprove,
            long approvalWindowSeconds,
            boolean requireSignedApprovals,
            String allowedSigners,
            String source) {
        this(
                approvers,
                requiredApprovals,
                requesterMayApprove,
                approvalWindowSeconds,
                requireSignedApprovals,
                allowedSigners,
                source,
                Map.of(),
                List.of());
    }

    /** No policy file: one approval, by anyone but the requester, within seven days. */
    public static ApprovalPolicy defaults() {
        return new ApprovalPolicy(List.of(), 1, false, DEFAULT_WINDOW_SECONDS, false, null, "defaults");
    }

    /**
     * Who may take {@code action}: the names the policy gives it, else the approvers; empty means
     * anyone.
     */
    public List<String> mayAct(String action) {
        List<String> named = operators.get(action);
        return named != null ? named : approvers;
    }
}
