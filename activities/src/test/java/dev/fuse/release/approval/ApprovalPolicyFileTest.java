package dev.fuse.release.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.model.ApprovalPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalPolicyFileTest {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF2lTVTHhzLqkLh0B3HuAuHKhuKc0x1v4GCp4m8aZxj2";

    @TempDir
    Path dir;

    @Test
    void withoutAFileTheDefaultsHold() throws Exception {
        ApprovalPolicy p = ApprovalPolicyFile.load(null);
        assertThat(p.requiredApprovals()).isEqualTo(1);
        assertThat(p.requesterMayApprove()).isFalse();
        assertThat(p.approvalWindowSeconds()).isEqualTo(7 * 24 * 3600);
        assertThat(p.requireSignedApprovals()).isFalse();
    }

    @Test
    void aSignedTwoOfThreePolicyLoadsWithItsAllowedSigners() throws Exception {
        Files.writeString(dir.resolve("signers"), "alice " + KEY + "\n");
        Path file = Files.writeString(
                dir.resolve("policy.json"),
                "{\"approvers\": [\"alice\", \"bob\", \"carol\"], \"requiredApprovals\": 2, \"approvalWindow\": \"36h\","
                        + " \"requireSignedApprovals\": true, \"allowedSignersFile\": \"signers\"}");
        ApprovalPolicy p = ApprovalPolicyFile.load(file);
        assertThat(p.approvers()).containsExactly("alice", "bob", "carol");
        assertThat(p.requiredApprovals()).isEqualTo(2);
        assertThat(p.approvalWindowSeconds()).isEqualTo(36 * 3600);
        assertThat(p.allowedSigners()).contains(KEY);
        assertThat(p.source()).isEqualTo(file.toString());
    }

    @Test
    void everyProblemOfABadFileIsReportedAtOnceOnOneLine() throws Exception {
        Files.writeString(dir.resolve("signers"), "*@corp " + KEY + "\n");
        Path file = Files.writeString(
                dir.resolve("policy.json"),
                "{\"approvers\": [\"alice\", \"alice\"], \"requiredApprovals\": 3, \"approvalWindow\": \"soon\","
                        + " \"requireSignedApprovals\": \"yes\", \"allowedSignersFile\": \"signers\", \"colour\": 1}");
        assertThatThrownBy(() -> ApprovalPolicyFile.load(file))
                .isInstanceOf(PolicyException.class)
                .hasMessageNotContaining("\n")
                .hasMessageContaining("is invalid (6 problems)")
                .hasMessageContaining("unknown field 'colour'")
                .hasMessageContaining("approvers: 'alice' is listed twice")
                .hasMessageContaining("approvalWindow must be a duration")
                .hasMessageContaining("requireSignedApprovals must be true or false")
                .hasMessageContaining("principal '*@corp' is a pattern")
                .hasMessageContaining("requiredApprovals is 3 but only 1 approver(s) can approve");
        assertThatThrownBy(() -> ApprovalPolicyFile.load(dir.resolve("missing.json")))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> ApprovalPolicyFile.load(Files.writeString(dir.resolve("list.json"), "[1]")))
                .hasMessageContaining("is not a JSON object");
    }

    @Test
    void operatorActionsGetTheirOwnListsAndBadOnesAreNamed() throws Exception {
        Path good = Files.writeString(
                dir.resolve("ops.json"),
                "{\"approvers\": [\"alice\", \"bob\"], \"operators\": {\"rollback\": [\"oscar\"]}}");

        ApprovalPolicy policy = ApprovalPolicyFile.load(good);

        assertThat(policy.mayAct("rollback")).containsExactly("oscar");
        assertThat(policy.mayAct("cancel")).containsExactly("alice", "bob");
        Path bad = Files.writeString(
                dir.resolve("bad-ops.json"),
                "{\"operators\": {\"deploy\": [\"x\"], \"retry\": [], \"cancel\": [\"Bob\", \"ｂｏｂ\"]}}");
        assertThatThrownBy(() -> ApprovalPolicyFile.load(bad))
                .hasMessageContaining("operators names unknown action 'deploy'")
                .hasMessageContaining("operators.cancel: 'ｂｏｂ' is listed twice");
    }

    @Test
    void maintainersAreReadAndAnEmptyListIsNamed() throws Exception {
        Path good = Files.writeString(
                dir.resolve("maintainers.json"), "{\"approvers\": [\"alice\", \"bob\"], \"maintainers\": [\"mara\"]}");

        assertThat(ApprovalPolicyFile.load(good).maintainers()).containsExactly("mara");
        assertThat(ApprovalPolicyFile.load(null).maintainers()).isEmpty();
        Path empty = Files.writeString(dir.resolve("no-maintainers.json"), "{\"maintainers\": []}");
        assertThatThrownBy(() -> ApprovalPolicyFile.load(empty))
                .hasMessageContaining("maintainers is empty; leave it out, or name who must approve");
    }
}
