package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.ApprovalRecord;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.policy.Identities;
import dev.fuse.release.signature.AllowedSigners;
import dev.fuse.release.signature.SignatureProblem;
import dev.fuse.release.signature.SshSignature;
import java.nio.charset.StandardCharsets;

/**
 * Who took a decision. An unsigned decision is the name typed; a signed one is the principal the
 * policy's allowed-signers file gives the signing key, and only if the signature is over this
 * release's statement (version and digests), in the approval namespace. Pure: runs in validators.
 */
record ApprovalIdentity(String approver, String keyFingerprint) {

    static ApprovalIdentity of(ApprovalPolicy policy, String version, DecisionKind kind, ApprovalDecision d) {
        if (d.signature() == null) {
            if (policy.requireSignedApprovals()) {
                throw FailureType.BAD_SIGNATURE.refusal("the approval policy (" + policy.source()
                        + ") requires signed decisions: run the command again with --key <your SSH key>"
                        + " (a .pub file uses the key in your ssh-agent)");
            }
            return new ApprovalIdentity(d.approver().strip(), null);
        }
        try {
            return signed(policy, version, kind, d);
        } catch (SignatureProblem e) {
            throw FailureType.BAD_SIGNATURE.refusal("signature refused: " + e.getMessage());
        }
    }

    private static ApprovalIdentity signed(ApprovalPolicy policy, String version, DecisionKind kind, ApprovalDecision d)
            throws SignatureProblem {
        if (policy.allowedSigners() == null) {
            throw new SignatureProblem("the approval policy (" + policy.source() + ") names no allowed-signers"
                    + " file, so no signature can be checked; leave --key out or configure allowedSignersFile");
        }
        SshSignature sig = SshSignature.parse(d.signature());
        if (!sig.namespace().equals(ApprovalRecord.NAMESPACE)) {
            throw new SignatureProblem(
                    "it was made for namespace '" + sig.namespace() + "', not '" + ApprovalRecord.NAMESPACE
                            + "' (sign with ssh-keygen -Y sign -n " + ApprovalRecord.NAMESPACE + ")");
        }
        AllowedSigners signers = AllowedSigners.parse(policy.allowedSigners(), policy.source());
        String principal = signers.principalOf(sig.key(), ApprovalRecord.NAMESPACE)
                .orElseThrow(() -> new SignatureProblem("key " + sig.key().fingerprint()
                        + " is not in the policy's allowed signers for " + ApprovalRecord.NAMESPACE));
        String statement = ApprovalRecord.statement(kind, version, d.manifestSha256(), d.evidenceSha256());
        if (!sig.verifies(statement.getBytes(StandardCharsets.UTF_8))) {
            throw new SignatureProblem("it does not sign '" + statement + "': it was made for another release,"
                    + " decision or digest, or it was altered");
        }
        if (d.approver() != null && !d.approver().isBlank() && !Identities.same(d.approver(), principal)) {
            throw new SignatureProblem("--approver " + d.approver().strip() + " does not match the signing key's"
                    + " principal " + principal + "; leave --approver out when you sign");
        }
        return new ApprovalIdentity(principal, sig.key().fingerprint());
    }
}
