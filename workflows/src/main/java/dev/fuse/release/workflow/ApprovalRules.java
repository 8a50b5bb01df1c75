package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.ApprovalRecord;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.policy.Identities;
import java.util.ArrayList;
import java.util.List;

/**
 * What the approval policy lets a decision do, checked by the Updates' validators after the phase
 * and the decision's own fields: the digests must be those staged, and the identity must be an
 * approver, not the requester (unless allowed) and not one who already approved.
 */
final class ApprovalRules {
    /**
     * What is staged: the manifest's and the gate evidence's digests (null when there is none), and
     * the release the contract changed since (null when unchanged).
     */
    record Staged(String manifestSha256, String evidenceSha256, String contractChangedSince) {}

    private ApprovalRules() {}

    static ApprovalIdentity check(
            ApprovalPolicy policy,
            String version,
            String requestedBy,
            DecisionKind kind,
            ApprovalDecision d,
            Staged staged,
            List<ApprovalRecord> earlier) {
        checkDigests(d, staged);
        ApprovalIdentity who = ApprovalIdentity.of(policy, version, kind, d);
        String name = who.approver();
        if (!policy.approvers().isEmpty()) {
            // Maintainers decide too. The policy's spelling is the one recorded: "Bob" and "bob" are one.
            List<String> deciders = new ArrayList<>(policy.approvers());
            deciders.addAll(policy.maintainers());
            name = deciders.stream()
                    .filter(a -> sameName(a, who.approver()))
                    .findFirst()
                    .orElseThrow(() -> FailureType.APPROVAL_NOT_ALLOWED.refusal(who.approver()
                            + " is not an approver under the policy (" + policy.source() + "); approvers: "
                            + String.join(", ", deciders)));
        }
        if (kind == DecisionKind.APPROVED
                && staged.contractChangedSince() != null
                && policy.maintainers().isEmpty()) {
            throw FailureType.APPROVAL_NOT_ALLOWED.refusal("release " + version + " changes the release contract since "
                    + staged.contractChangedSince() + ": a maintainer must approve it, and the approval policy ("
                    + policy.source() + ") names no maintainers; add \"maintainers\": [\"<name>\", ...] to it"
                    + " (docs/approvals.md)");
        }
        if (kind == DecisionKind.APPROVED && !policy.requesterMayApprove() && sameName(name, requestedBy)) {
            throw FailureType.APPROVAL_NOT_ALLOWED.refusal(name + " requested release " + version
                    + " and may not approve it (policy " + policy.source() + "); ask another approver");
        }
        for (ApprovalRecord r : earlier) {
            if (sameName(r.approver(), name)) {
                throw FailureType.APPROVAL_NOT_ALLOWED.refusal(name + " has already approved release " + version
                        + "; the policy counts distinct approvers, ask someone else");
            }
        }
        return new ApprovalIdentity(name, who.keyFingerprint());
    }

    private static void checkDigests(ApprovalDecision d, Staged staged) {
        if (d.manifestSha256() == null) {
            throw FailureType.INVALID_DECISION.refusal(
                    "missing --manifest-sha256: a decision names the manifest it is about (./fuse-release status)");
        }
        if (!d.manifestSha256().equals(staged.manifestSha256())) {
            throw FailureType.INVALID_DECISION.refusal("manifest digest " + d.manifestSha256()
                    + " does not match the staged manifest " + staged.manifestSha256()
                    + ": look at the release again before deciding");
        }
        String evidence = d.evidenceSha256();
        if (evidence == null ? staged.evidenceSha256() != null : !evidence.equals(staged.evidenceSha256())) {
            throw FailureType.INVALID_DECISION.refusal("evidence digest " + (evidence == null ? "(none)" : evidence)
                    + " does not match the staged slo-report.json " + staged.evidenceSha256()
                    + ": look at the release again before deciding");
        }
    }

    /** Whether one of the approvals is by a maintainer of the policy. */
    static boolean maintainerApproved(ApprovalPolicy policy, List<ApprovalRecord> records) {
        return records.stream()
                .filter(r -> r.kind() == DecisionKind.APPROVED)
                .anyMatch(r -> policy.maintainers().stream().anyMatch(m -> sameName(m, r.approver())));
    }

    /** Names compare in their canonical form ({@link Identities}), so "ａｌｉｃｅ" cannot approve what "alice" requested. */
    private static boolean sameName(String a, String b) {
        return Identities.same(a, b);
    }
}
