package dev.fuse.release.console;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.DecisionKind;
import java.util.List;
import java.util.Map;

/**
 * A decision posted from the release page, sent through the same Update (and so the same
 * validators) as {@code approve} and {@code reject}: the page can never do what the CLI may not.
 * The digests are the ones the page showed, never looked up again here.
 */
final class Decisions {
    private final ReleaseClient releases;

    Decisions(ReleaseClient releases) {
        this.releases = releases;
    }

    /** What happened, in one line for the page. */
    String decide(String version, Map<String, String> form) {
        String kindField = form.getOrDefault("kind", "");
        DecisionKind kind = switch (kindField) {
            case "approve" -> DecisionKind.APPROVED;
            case "reject" -> DecisionKind.REJECTED;
            default -> null;
        };
        if (kind == null) return "choose Approve or Reject";
        String signature = PastedSignature.of(form.get("signature"));
        String approver = Forms.optional(form, "approver");
        ApprovalDecision decision = new ApprovalDecision(
                approver, form.get("comment"), form.get("manifestSha256"), form.get("evidenceSha256"), signature);
        List<String> problems = decision.problems(kindField);
        if (!problems.isEmpty()) return String.join("; ", problems);
        try {
            if (kind == DecisionKind.APPROVED) {
                releases.approve(version, decision);
            } else {
                releases.reject(version, decision);
            }
        } catch (RuntimeException e) {
            return Refusals.message(e);
        }
        return (kind == DecisionKind.APPROVED ? "approved" : "rejected") + " by "
                + (approver == null ? "the signing key's principal" : approver);
    }
}
