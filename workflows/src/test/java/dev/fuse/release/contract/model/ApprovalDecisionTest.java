package dev.fuse.release.contract.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApprovalDecisionTest {
    @Test
    void aPlainDecisionHasNoProblems() {
        assertThat(new ApprovalDecision("alice", "gates green\nsee the report", null).problems("approve"))
                .isEmpty();
    }

    @Test
    void controlCharactersLongTextsAndBadDigestsAreEachNamed() {
        assertThat(new ApprovalDecision("al\u001bice", "ok", null).problems("approve"))
                .containsExactly(
                        "approver name contains control characters (escape sequences, newlines); type a plain name");
        assertThat(new ApprovalDecision("al\nice", "ok", null).problems("approve"))
                .hasSize(1);
        assertThat(new ApprovalDecision("alice", "ok\u001b[2J", null)
                        .problems("approve")
                        .get(0))
                .contains("comment contains control");
        assertThat(new ApprovalDecision("alice", "ok\u202e", null)
                        .problems("approve")
                        .get(0))
                .contains("comment contains control");
        assertThat(new ApprovalDecision("a".repeat(101), "ok", null)
                        .problems("approve")
                        .get(0))
                .contains("at most 100");
        assertThat(new ApprovalDecision("alice", "x".repeat(2001), null)
                        .problems("reject")
                        .get(0))
                .contains("at most 2000");
        assertThat(new ApprovalDecision("alice", " ", null).problems("reject").get(0))
                .isEqualTo("missing comment: pass --comment <text> to reject");
        assertThat(new ApprovalDecision("alice", "ok", "xyz")
                        .problems("approve")
                        .get(0))
                .contains("64 hexadecimal digits");
    }

    @Test
    void anUppercaseDigestMeansTheSameManifest() {
        String digest = "78b529e05c1ccd3c9fb8979da555dd8600c902b1c67e2acaa44bd32e805df527";
        ApprovalDecision d = new ApprovalDecision("alice", "ok", digest.toUpperCase());
        assertThat(d.manifestSha256()).isEqualTo(digest);
        assertThat(d.problems("approve")).isEmpty();
    }
}
