package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.Phase;
import java.util.List;

/**
 * When a release takes an approve or reject Update. Checked by the Updates' validators, so a
 * refused decision never reaches history; each refusal is a typed failure the CLI turns into its
 * exit code.
 */
final class DecisionRules {
    private DecisionRules() {}

    /**
     * @param decisionKind the decision already taken, or null
     * @param stagedManifest digest of the staged manifest (null before metadata exists)
     */
    static void check(
            Phase phase,
            DecisionKind decisionKind,
            String version,
            ApprovalDecision d,
            String verb,
            String stagedManifest) {
        if (phase != Phase.AWAITING_APPROVAL || decisionKind != null) {
            throw FailureType.WRONG_PHASE.refusal("cannot " + verb + " release " + version + " in phase " + phase
                    + (decisionKind != null ? " (already " + decisionKind.word() + ")" : "")
                    + ": only a release in AWAITING_APPROVAL takes a decision");
        }
        if (d == null) {
            throw FailureType.INVALID_DECISION.refusal("missing decision: pass --approver <name> --comment <text>");
        }
        List<String> problems = d.problems(verb);
        if (!problems.isEmpty()) {
            throw FailureType.INVALID_DECISION.refusal(String.join("; ", problems));
        }
        if (d.manifestSha256() != null && !d.manifestSha256().equals(stagedManifest)) {
            throw FailureType.INVALID_DECISION.refusal(
                    "manifest digest " + d.manifestSha256() + " does not match the staged manifest " + stagedManifest
                            + ": look at the release again before deciding");
        }
    }
}
