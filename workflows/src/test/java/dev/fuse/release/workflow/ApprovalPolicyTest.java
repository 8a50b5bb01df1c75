package dev.fuse.release.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;

import dev.fuse.release.contract.ReleaseWorkflow;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.ApprovalRecord;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.Fixtures;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.signature.SshKey;
import dev.fuse.release.signature.SshSignature;
import dev.fuse.release.signature.SshWire;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The approval policy in workflow code (time skipping): who may approve, how many must, digests,
 * expiry, rejection, and signed decisions. Keys here are made by the JDK; SshSignaturesTest
 * (activities) cross-checks the same checker against ssh-keygen.
 */
class ApprovalPolicyTest {
    private final WorkflowTestBed bed = new WorkflowTestBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void underTheDefaultPolicyTheRequesterCannotApproveTheirOwnRelease() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);

        refused(() -> release.approve(WorkflowTestBed.decision("Alice", "mine", waiting)))
                .hasMessageContaining("Alice requested release 0.4.0 and may not approve it");
        refused(() -> release.approve(WorkflowTestBed.decision("ａｌｉｃｅ", "mine, in fullwidth", waiting)))
                .hasMessageContaining("requested release 0.4.0 and may not approve it");
        release.approve(WorkflowTestBed.decision("bob", "reviewed", waiting));

        assertThat(result(release).phase()).isEqualTo(Phase.PUBLISHED);
        assertThat(published().approvals()).extracting(ApprovalRecord::approver).containsExactly("bob");
        assertThat(published().requestedBy()).isEqualTo("alice");
    }

    @Test
    void twoOfThreeNeedsTwoDistinctApproversAndRefusesOutsiders() throws Exception {
        bed.approvalPolicy = policy(List.of("bob", "carol", "dave"), 2, false, null);
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);

        refused(() -> release.approve(WorkflowTestBed.decision("mallory", "lgtm", waiting)))
                .hasMessageContaining("mallory is not an approver")
                .hasMessageContaining("approvers: bob, carol, dave");
        ReleaseStatus once = release.approve(WorkflowTestBed.decision("bob", "gates green", waiting));
        assertThat(once.phase()).isEqualTo(Phase.AWAITING_APPROVAL);
        assertThat(once.approval().stillNeeded()).isEqualTo(1);
        // Still open, one approval of two: the history an upgraded worker has to pick up and replay.
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-awaiting-approval",
                Fixtures.request().workflowId());
        refused(() -> release.approve(WorkflowTestBed.decision("BOB", "me again", waiting)))
                .hasMessageContaining("has already approved");
        release.approve(WorkflowTestBed.decision("carol", "checked the report", waiting));

        ReleaseStatus done = result(release);
        assertThat(done.phase()).isEqualTo(Phase.PUBLISHED);
        assertThat(done.approval().records())
                .extracting(ApprovalRecord::approver)
                .containsExactly("bob", "carol");
        assertThat(published().approvals()).hasSize(2);
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-approved-2-of-3",
                Fixtures.request().workflowId());
    }

    @Test
    void aStaleManifestOrEvidenceDigestIsRefused() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        String manifest = waiting.metadata().manifest().sha256();

        refused(() -> release.approve(new ApprovalDecision("bob", "ok", Fixtures.sha('0'), Fixtures.sha('j'), null)))
                .hasMessageContaining("does not match the staged manifest");
        refused(() -> release.approve(new ApprovalDecision("bob", "ok", manifest, Fixtures.sha('1'), null)))
                .hasMessageContaining("does not match the staged slo-report.json");
        refused(() -> release.approve(new ApprovalDecision("bob", "ok", null, null, null)))
                .hasMessageContaining("missing --manifest-sha256");

        assertThat(release.status().approval().records()).isEmpty();
    }

    @Test
    void aReleaseWhoseContractChangedWaitsForAMaintainerBesideTheApprovers() throws Exception {
        bed.releasePlan = contractChangedSince("0.3.0");
        bed.approvalPolicy = new ApprovalPolicy(
                List.of("bob", "carol"),
                1,
                false,
                ApprovalPolicy.DEFAULT_WINDOW_SECONDS,
                false,
                null,
                "policy.json",
                Map.of(),
                List.of("carol"));
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        assertThat(waiting.approval().needsMaintainer()).isTrue();

        ReleaseStatus afterBob = release.approve(WorkflowTestBed.decision("bob", "gates green", waiting));
        assertThat(afterBob.approval().kind()).isNull();
        assertThat(afterBob.approval().stillNeeded()).isZero();
        assertThat(release.status().approval().needsMaintainer()).isTrue();
        assertThat(release.status().phase()).isEqualTo(Phase.AWAITING_APPROVAL);

        release.approve(WorkflowTestBed.decision("carol", "contract change reviewed", waiting));
        ReleaseStatus done = result(release);
        assertThat(done.phase()).isEqualTo(Phase.PUBLISHED);
        assertThat(done.approval().records())
                .extracting(ApprovalRecord::approver)
                .containsExactly("bob", "carol");
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-approved-by-maintainer",
                Fixtures.request().workflowId());
    }

    @Test
    void aReleaseWhoseContractChangedCannotBeApprovedUnderAPolicyWithoutMaintainers() throws Exception {
        bed.releasePlan = contractChangedSince("0.3.0");
        bed.approvalPolicy = policy(List.of("bob"), 1, false, null);
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);

        refused(() -> release.approve(WorkflowTestBed.decision("bob", "fine", waiting)))
                .hasMessageContaining("changes the release contract since 0.3.0: a maintainer must approve it")
                .hasMessageContaining("add \"maintainers\"");
        assertThat(release.status().approval().records()).isEmpty();
    }

    private ReleasePlan contractChangedSince(String base) {
        ReleasePlan plan = Fixtures.plan("run-1", true);
        ReleasePlan.ContractTerms terms = plan.contract();
        return plan.withContract(
                new ReleasePlan.ContractTerms(terms.id(), terms.slo(), terms.thresholdRationale(), base));
    }

    @Test
    void oneRejectionEndsTheReleaseEvenAfterAnApproval() throws Exception {
        bed.approvalPolicy = policy(List.of("bob", "carol", "dave"), 2, false, null);
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        release.approve(WorkflowTestBed.decision("bob", "fine", waiting));
        release.reject(WorkflowTestBed.decision("carol", "binary grew 30%", waiting));

        assertThatThrownBy(() -> result(release))
                .isInstanceOf(WorkflowFailedException.class)
                .rootCause()
                .hasMessageContaining("rejected by carol: binary grew 30%");
        assertThat(release.status().phase()).isEqualTo(Phase.REJECTED);
        assertThat(release.status().approval().records())
                .extracting(ApprovalRecord::kind)
                .containsExactly(DecisionKind.APPROVED, DecisionKind.REJECTED);
    }

    @Test
    void whenThePolicyWindowPassesTheReleaseIsRejectedNeverPublished() throws Exception {
        bed.approvalPolicy = new ApprovalPolicy(List.of(), 1, false, 3600, false, null, "policy.json");
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        bed.env.sleep(Duration.ofHours(2));

        assertThatThrownBy(() -> result(release)).isInstanceOf(WorkflowFailedException.class);
        assertThat(release.status().approval().kind()).isEqualTo(DecisionKind.EXPIRED);
        assertThat(release.status().failure()).contains("no decision within PT1H");
    }

    @Test
    void aSignedApprovalCountsForTheKeysPrincipalAndForgeriesAreRefused() throws Exception {
        KeyPair bob = ed25519();
        KeyPair mallory = ed25519();
        String signers =
                "bob namespaces=\"fuse-release-approval\" " + sshKey(bob).openSsh() + "\n";
        bed.approvalPolicy = policy(List.of(), 1, false, signers);
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        String manifest = waiting.metadata().manifest().sha256();
        String evidence = waiting.evidence().reports().json().sha256();
        String statement = ApprovalRecord.statement(DecisionKind.APPROVED, "0.4.0", manifest, evidence);

        refused(() -> release.approve(WorkflowTestBed.decision("bob", "unsigned", waiting)))
                .hasMessageContaining("requires signed decisions");
        refused(() -> release.approve(signed(mallory, "fuse-release-approval", statement, manifest, evidence)))
                .hasMessageContaining("is not in the policy's allowed signers");
        refused(() -> release.approve(signed(bob, "git", statement, manifest, evidence)))
                .hasMessageContaining("namespace 'git'");
        String otherVersion = ApprovalRecord.statement(DecisionKind.APPROVED, "0.4.1", manifest, evidence);
        refused(() -> release.approve(signed(bob, "fuse-release-approval", otherVersion, manifest, evidence)))
                .hasMessageContaining("it does not sign 'fuse-release approve 0.4.0");
        String good = signed(bob, "fuse-release-approval", statement, manifest, evidence)
                .signature();
        refused(() -> release.approve(
                        new ApprovalDecision(null, "truncated", manifest, evidence, good.substring(0, 120))))
                .hasMessageContaining("signature refused");

        release.approve(signed(bob, "fuse-release-approval", statement, manifest, evidence));
        ReleaseStatus done = result(release);
        ApprovalRecord record = done.approval().records().get(0);
        assertThat(record.approver()).isEqualTo("bob");
        assertThat(record.keyFingerprint()).isEqualTo(sshKey(bob).fingerprint());
        assertThat(record.signature()).startsWith(SshSignature.BEGIN);
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-approved-signed",
                Fixtures.request().workflowId());
    }

    private ApprovalPolicy policy(List<String> approvers, int required, boolean requesterMay, String signers) {
        return new ApprovalPolicy(
                approvers,
                required,
                requesterMay,
                ApprovalPolicy.DEFAULT_WINDOW_SECONDS,
                signers != null,
                signers,
                "policy.json");
    }

    private PublishRequest published() {
        ArgumentCaptor<PublishRequest> captor = ArgumentCaptor.forClass(PublishRequest.class);
        verify(bed.publish).publish(captor.capture());
        return captor.getValue();
    }

    private static ReleaseStatus result(ReleaseWorkflow release) {
        return WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return assertThatThrownBy(call)
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause();
    }

    static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static SshKey sshKey(KeyPair pair) throws Exception {
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        return SshKey.fromBlob(
                new SshWire.Writer().string("ssh-ed25519").bytes(raw).toByteArray());
    }

    /** What ssh-keygen -Y sign -n NAMESPACE writes for this key and statement. */
    static ApprovalDecision signed(KeyPair pair, String namespace, String statement, String manifest, String evidence)
            throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(SshSignature.signedData(namespace, "sha512", statement.getBytes(StandardCharsets.UTF_8)));
        byte[] blob =
                new SshWire.Writer().string("ssh-ed25519").bytes(signer.sign()).toByteArray();
        return new ApprovalDecision(
                null, "signed review", manifest, evidence, SshSignature.armor(sshKey(pair), namespace, "sha512", blob));
    }
}
