package dev.fuse.release.workflow;

import static dev.fuse.release.workflow.ApprovalPolicyTest.ed25519;
import static dev.fuse.release.workflow.ApprovalPolicyTest.signed;
import static dev.fuse.release.workflow.ApprovalPolicyTest.sshKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.policy.OperatorRules;
import io.temporal.failure.ApplicationFailure;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may retry, abandon, cancel and roll back under the approval policy, signed or not. */
class OperatorRulesTest {
    static final String STATEMENT = "fuse-release rollback 0.5.0 to 0.4.0: crash on start";

    static ApprovalPolicy policy(List<String> approvers, Map<String, List<String>> operators, String signers) {
        return new ApprovalPolicy(
                approvers, 1, false, 3600, signers != null, signers, "policy.json", operators, List.of());
    }

    static OperatorRules.Action action(String name, String operator, String signature) {
        return new OperatorRules.Action(name, STATEMENT, operator, signature);
    }

    @Test
    void withoutAPolicyOrWithoutApproversAnyoneActs() {
        assertThat(OperatorRules.check(null, action("rollback", "mallory", null), "0.5.0", null))
                .isEqualTo("mallory");
        assertThat(OperatorRules.check(ApprovalPolicy.defaults(), action("cancel", "mallory", null), "0.5.0", "alice"))
                .isEqualTo("mallory");
    }

    @Test
    void theApproversActByDefaultAndOthersAreRefusedNamingWhoMay() {
        ApprovalPolicy p = policy(List.of("alice", "bob"), Map.of(), null);

        assertThat(OperatorRules.check(p, action("rollback", "Bob", null), "0.5.0", null))
                .isEqualTo("bob");
        assertThatThrownBy(() -> OperatorRules.check(p, action("rollback", "mallory", null), "0.5.0", null))
                .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        e -> assertThat(e.getType()).isEqualTo(FailureType.APPROVAL_NOT_ALLOWED.name()))
                .hasMessageContaining("mallory may not rollback release 0.5.0 under the policy (policy.json);"
                        + " allowed: alice, bob");
    }

    @Test
    void theRequesterMayRetryTheirOwnReleaseButNotAbandonIt() {
        ApprovalPolicy p = policy(List.of("alice", "bob"), Map.of(), null);

        assertThat(OperatorRules.check(p, action("retry", "carol", null), "0.5.0", "carol"))
                .isEqualTo("carol");
        assertThatThrownBy(() -> OperatorRules.check(p, action("abandon", "carol", null), "0.5.0", "carol"))
                .hasMessageContaining("carol may not abandon");
    }

    @Test
    void anActionThePolicyNamesHasItsOwnListAndNamesCompareAfterNfkcAndCaseFolding() {
        ApprovalPolicy p = policy(List.of("alice"), Map.of("rollback", List.of("oscar")), null);

        assertThat(OperatorRules.check(p, action("rollback", "ＯＳＣＡＲ", null), "0.5.0", null))
                .isEqualTo("oscar");
        assertThatThrownBy(() -> OperatorRules.check(p, action("rollback", "alice", null), "0.5.0", null))
                .hasMessageContaining("allowed: oscar");
        assertThat(OperatorRules.check(p, action("cancel", "alice", null), "0.5.0", null))
                .isEqualTo("alice");
    }

    @Test
    void underASignedPolicyTheOperatorIsTheKeysPrincipalAndForgeriesAreRefused() throws Exception {
        KeyPair oscar = ed25519();
        KeyPair mallory = ed25519();
        ApprovalPolicy p =
                policy(List.of("oscar"), Map.of(), "oscar " + sshKey(oscar).openSsh() + "\n");
        String good = signature(oscar, OperatorRequests.NAMESPACE, STATEMENT);

        assertThat(OperatorRules.check(p, action("rollback", "", good), "0.5.0", null))
                .isEqualTo("oscar");
        assertThatThrownBy(() -> OperatorRules.check(p, action("rollback", "oscar", null), "0.5.0", null))
                .hasMessageContaining("requires signed operator actions");
        assertThatThrownBy(() -> OperatorRules.check(
                        p,
                        action("rollback", "", signature(mallory, OperatorRequests.NAMESPACE, STATEMENT)),
                        "0.5.0",
                        null))
                .hasMessageContaining("is not in the policy's allowed signers");
        assertThatThrownBy(() -> OperatorRules.check(
                        p, action("rollback", "", signature(oscar, "fuse-release-approval", STATEMENT)), "0.5.0", null))
                .hasMessageContaining("made for namespace 'fuse-release-approval'");
        assertThatThrownBy(() -> OperatorRules.check(
                        p,
                        new OperatorRules.Action("rollback", STATEMENT.replace("0.4.0", "0.3.0"), "", good),
                        "0.5.0",
                        null))
                .hasMessageContaining("it does not sign");
        assertThatThrownBy(() -> OperatorRules.check(p, action("rollback", "bob", good), "0.5.0", null))
                .hasMessageContaining("--operator bob does not match the signing key's principal oscar");
    }

    private static String signature(KeyPair key, String namespace, String statement) throws Exception {
        return signed(key, namespace, statement, null, null).signature();
    }
}
