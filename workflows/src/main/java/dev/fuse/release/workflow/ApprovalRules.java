package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.ApprovalRecord;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.policy.Identities;
import java.util.List;

/**
 * What the approval policy lets a decision do, checked by the Updates' validators after the phase
 * and the decision's own fields: the digests must be those staged, and the identity must be an
 * approver, not the requester (unless allowed) and not one who already approved.
 */
final class ApprovalRules {
    /** The digests of what is staged: the manifest, and the gate evidence (null when there is none). */
    record Staged(String manifestSha256, String evidenceSha256) {}

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
            // The policy's spelling is the one recorded, so "Bob" and "bob" are one approver.
            name = policy.approvers().stream()
                    .filter(a -> sameName(a, who.approver()))
                    .findFirst()
                    .orElseThrow(() -> FailureType.APPROVAL_NOT_ALLOWED.refusal(who.approver()
                            + " is not an approver under the policy (" + policy.source() + "); approvers: "
                            + String.join(", ", policy.approvers())));
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

    /** Names compare in their canonical form ({@link Identities}), so "ａｌｉｃｅ" cannot approve what "alice" requested. */
    private static boolean sameName(String a, String b) {
        return Identities.same(a, b);
    }
}
