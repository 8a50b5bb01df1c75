package dev.fuse.release.policy;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.signature.AllowedSigners;
import dev.fuse.release.signature.SignatureProblem;
import dev.fuse.release.signature.SshSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Who may take an operator action (retry, abandon, cancel, rollback) under the approval policy:
 * the names the policy gives the action, else its approvers, else anyone; the requester may always
 * retry their own release. Where the policy requires signed approvals, the action must be
 * SSH-signed too (namespace {@value OperatorRequests#NAMESPACE}) and the operator is the signing
 * key's principal, not a typed name. Pure: runs in Update validators and in the rollback activity.
 */
public final class OperatorRules {
    private OperatorRules() {}

    /** What is checked: the action, its signed statement, who says they act, and their signature. */
    public record Action(String name, String statement, String operator, String signature) {}

    /**
     * The operator as recorded (the policy's spelling, or the key's principal), or a refusal
     * ({@link FailureType#APPROVAL_NOT_ALLOWED}, {@link FailureType#BAD_SIGNATURE}).
     *
     * @param policy null for releases that started before operator actions were governed: anyone
     * @param requestedBy who started the release (null for a rollback, which has no requester)
     */
    public static String check(ApprovalPolicy policy, Action action, String version, String requestedBy) {
        if (policy == null) return action.operator().strip();
        String who = identity(policy, action);
        if (OperatorRequests.Retry.ACTION.equals(action.name()) && Identities.same(who, requestedBy)) return who;
        List<String> allowed = policy.mayAct(action.name());
        if (allowed.isEmpty()) return who;
        return allowed.stream()
                .filter(name -> Identities.same(name, who))
                .findFirst()
                .orElseThrow(() -> FailureType.APPROVAL_NOT_ALLOWED.refusal(who + " may not " + action.name()
                        + " release " + version + " under the policy (" + policy.source() + "); allowed: "
                        + String.join(", ", allowed)
                        + (action.name().equals(OperatorRequests.Retry.ACTION) ? " and the requester" : "")));
    }

    private static String identity(ApprovalPolicy policy, Action action) {
        if (action.signature() == null || action.signature().isBlank()) {
            if (policy.requireSignedApprovals()) {
                throw FailureType.BAD_SIGNATURE.refusal("the approval policy (" + policy.source() + ") requires"
                        + " signed operator actions: run the command again with --key <your SSH key>");
            }
            return action.operator().strip();
        }
        try {
            return signer(policy, action);
        } catch (SignatureProblem e) {
            throw FailureType.BAD_SIGNATURE.refusal("signature refused: " + e.getMessage());
        }
    }

    private static String signer(ApprovalPolicy policy, Action action) throws SignatureProblem {
        if (policy.allowedSigners() == null) {
            throw new SignatureProblem("the approval policy (" + policy.source() + ") names no allowed-signers"
                    + " file, so no signature can be checked; leave --key out or configure allowedSignersFile");
        }
        SshSignature sig = SshSignature.parse(action.signature());
        if (!sig.namespace().equals(OperatorRequests.NAMESPACE)) {
            throw new SignatureProblem("it was made for namespace '" + sig.namespace() + "', not '"
                    + OperatorRequests.NAMESPACE + "' (sign with ssh-keygen -Y sign -n " + OperatorRequests.NAMESPACE
                    + ")");
        }
        String principal = AllowedSigners.parse(policy.allowedSigners(), policy.source())
                .principalOf(sig.key(), OperatorRequests.NAMESPACE)
                .orElseThrow(() -> new SignatureProblem("key " + sig.key().fingerprint()
                        + " is not in the policy's allowed signers for " + OperatorRequests.NAMESPACE));
        if (!sig.verifies(action.statement().getBytes(StandardCharsets.UTF_8))) {
            throw new SignatureProblem("it does not sign '" + action.statement() + "': it was made for another"
                    + " action, release or reason, or it was altered");
        }
        if (action.operator() != null
                && !action.operator().isBlank()
                && !Identities.same(action.operator(), principal)) {
            throw new SignatureProblem("--operator " + action.operator().strip() + " does not match the signing key's"
                    + " principal " + principal + "; leave --operator out when you sign");
        }
        return principal;
    }
}
