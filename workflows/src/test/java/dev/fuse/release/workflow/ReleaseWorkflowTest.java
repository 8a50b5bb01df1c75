package dev.fuse.release.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.fuse.release.contract.ReleaseWorkflow;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.Fixtures;
import dev.fuse.release.contract.model.MeasureRequest;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.contract.model.RecordTargetRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Reproducibility;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ReleaseWorkflowTest {
    private final WorkflowTestBed bed = new WorkflowTestBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void approvedReleaseIsPublishedWithTheDecision() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());

        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        assertThat(waiting.targets()).extracting(TargetStatus::stage).containsOnly(Stage.STAGED);
        assertThat(waiting.targets())
                .filteredOn(TargetStatus::emulated)
                .extracting(TargetStatus::target)
                .containsExactly(Target.MACOS_ARM64, Target.WINDOWS_X64);
        assertThat(waiting.artifacts()).hasSize(7);
        assertThat(waiting.artifacts().get(0).name()).isEqualTo("fuse-cli-0.4.0-linux-x64.tar.gz");
        assertThat(waiting.artifacts())
                .filteredOn(a -> a.target() != null)
                .extracting(a -> a.reproducibility())
                .containsOnly(Reproducibility.REPRODUCED);
        assertThat(waiting.artifacts())
                .filteredOn(a -> a.target() == null)
                .extracting(a -> a.reproducibility())
                .containsOnly(Reproducibility.NOT_CHECKED);

        ApprovalDecision decision = WorkflowTestBed.decision("bob", "gates green", waiting);
        ReleaseStatus reply = release.approve(decision);
        ReleaseStatus done = WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class);

        // Reply and result are kept in history: summaries, whatever the width of the matrix.
        assertThat(reply.artifacts()).isEmpty();
        assertThat(reply.targets()).isEmpty();
        assertThat(reply.metadata()).isEqualTo(waiting.metadata());
        assertThat(reply.approval().kind()).isEqualTo(DecisionKind.APPROVED);
        assertThat(done.artifacts()).isEmpty();
        assertThat(done.gates()).isNull();
        assertThat(release.status().artifacts()).hasSize(7);
        assertThat(done.phase()).isEqualTo(Phase.PUBLISHED);
        assertThat(done.publishedPrefix()).isEqualTo("releases/0.4.0/");
        ArgumentCaptor<PublishRequest> published = ArgumentCaptor.forClass(PublishRequest.class);
        verify(bed.publish).publish(published.capture());
        assertThat(published.getValue().approval()).isEqualTo(decision);
        // The targets' artifacts travel as digests of their kept records, the VSIX as itself.
        assertThat(published.getValue().artifacts())
                .extracting(a -> a.name())
                .containsExactly("fuse-vscode-0.4.0.vsix");
        assertThat(published.getValue().targetRecords())
                .extracting(r -> r.target())
                .containsExactly(Target.LINUX_X64, Target.MACOS_ARM64, Target.WINDOWS_X64);
        ArgumentCaptor<RecordTargetRequest> kept = ArgumentCaptor.forClass(RecordTargetRequest.class);
        verify(bed.metadata, org.mockito.Mockito.times(3)).recordTarget(kept.capture());
        assertThat(kept.getAllValues())
                .allSatisfy(r -> assertThat(r.stagingPrefix())
                        .isEqualTo(published.getValue().plan().stagingPrefix()));
        String id = Fixtures.request().workflowId();
        HistoryRecorder.record(bed.env.getWorkflowClient(), "release-approved", id);
        for (Target target : Target.values()) {
            HistoryRecorder.record(
                    bed.env.getWorkflowClient(), "target-pipeline-" + target.id(), id + "/" + target.id());
        }
    }

    @Test
    void rejectedReleasePublishesNothing() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);

        release.reject(WorkflowTestBed.decision("carol", "p95 regression on macOS", waiting));

        assertThatThrownBy(() -> WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class))
                .isInstanceOf(WorkflowFailedException.class)
                .rootCause()
                .hasMessageContaining("rejected by carol: p95 regression on macOS");
        assertThat(release.status().phase()).isEqualTo(Phase.REJECTED);
        verify(bed.publish, never()).publish(any());
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-rejected",
                Fixtures.request().workflowId());
    }

    @Test
    void approvalThatNeverComesExpiresAsARejection() throws Exception {
        ReleaseRequest request = ReleaseRequest.builder("0.4.0", "/tmp/example-repo", "main")
                .targets(Target.allIds())
                .requestedBy("alice")
                .approvalTimeoutSeconds(3 * 24 * 3600)
                .build();
        ReleaseWorkflow release = bed.startRelease(request);

        // getResult lets the test server skip the three days of waiting.
        assertThatThrownBy(() -> WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class))
                .isInstanceOf(WorkflowFailedException.class)
                .rootCause()
                .hasMessageContaining("no decision within PT72H");
        assertThat(release.status().decisionKind()).isEqualTo(DecisionKind.EXPIRED);
        verify(bed.publish, never()).publish(any());
        HistoryRecorder.record(bed.env.getWorkflowClient(), "release-expired", request.workflowId());
    }

    @Test
    void decisionsMissingANameACommentOrTheRightManifestAreRefusedBeforeHistory() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);

        assertThatThrownBy(() -> release.approve(new ApprovalDecision(" ", "ok", null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("missing approver name");
        assertThatThrownBy(() -> release.reject(new ApprovalDecision("bob", "", null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("missing comment");
        assertThatThrownBy(() -> release.approve(new ApprovalDecision("bob", "ok", Fixtures.sha('0'))))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("does not match the staged manifest");

        assertThat(release.status().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
        release.approve(WorkflowTestBed.decision("bob", "ok", waiting));
        assertThat(WorkflowStub.fromTyped(release)
                        .getResult(ReleaseStatus.class)
                        .phase())
                .isEqualTo(Phase.PUBLISHED);
    }

    @Test
    void approvalWhileBuildingIsRefusedNamingThePhase() throws Exception {
        CountDownLatch buildMayFinish = new CountDownLatch(1);
        doAnswer(inv -> {
                    buildMayFinish.await();
                    return Fixtures.built(inv.getArgument(0), false);
                })
                .when(bed.build)
                .buildTarget(any());
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        WorkflowTestBed.awaitPhase(release, Phase.BUILDING);

        assertThatThrownBy(() -> release.approve(new ApprovalDecision("bob", "ok", null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("in phase BUILDING")
                .hasMessageContaining("only a release in AWAITING_APPROVAL");
        buildMayFinish.countDown();
        WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
    }

    @Test
    void emulatedBuildsStopTheReleaseWhenThePolicyForbidsPublishingThem() {
        bed.releasePlan = Fixtures.plan("run-1", false);
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());

        assertThatThrownBy(() -> WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class))
                .rootCause()
                .hasMessageContaining("emulated builds may not be published")
                .hasMessageContaining("fuse-aot-0.4.0-macos-arm64.tar.gz");
        verify(bed.metadata, never()).generate(any());
    }

    @Test
    void anUnreproducibleTargetFailsNamingTheDifferingMembers() {
        doAnswer(inv -> {
                    dev.fuse.release.contract.model.ReproducibilityRequest r = inv.getArgument(0);
                    return Fixtures.reproduced(r, r.target() == Target.MACOS_ARM64);
                })
                .when(bed.reproducibility)
                .check(any());
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());

        assertThatThrownBy(() -> WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class))
                .rootCause()
                .hasMessageContaining(
                        "macos-arm64 is not reproducible: fuse-aot-0.4.0-macos-arm64.tar.gz (differing members: hello-http)");
        verify(bed.metadata, never()).generate(any());
    }

    @Test
    void aMismatchIsRecordedButNotBlockingWhenTheContractSaysSo() throws Exception {
        ReleasePlan lenient = Fixtures.plan("run-1", true);
        bed.releasePlan = lenient.withPolicy(new ReleasePlan.Policy(true, true, false));
        doAnswer(inv -> Fixtures.reproduced(inv.getArgument(0), true))
                .when(bed.reproducibility)
                .check(any());
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());

        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        assertThat(waiting.artifacts())
                .filteredOn(a -> a.name().startsWith("fuse-aot"))
                .extracting(a -> a.reproducibility())
                .containsOnly(Reproducibility.MISMATCH);
    }

    @Test
    void aFailingGateStopsTheReleaseBeforeApprovalWithTheGateNamed() {
        doAnswer(inv -> {
                    MeasureRequest r = inv.getArgument(0);
                    return Fixtures.measured(r.target(), r.target() == Target.MACOS_ARM64 ? 1500 : 10);
                })
                .when(bed.measure)
                .measure(any());
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());

        assertThatThrownBy(() -> WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class))
                .rootCause()
                .hasMessageContaining("NO-GO: macos-arm64 cold-start-p50");
        ReleaseStatus status = release.status();
        assertThat(status.phase()).isEqualTo(Phase.FAILED);
        assertThat(status.gates().verdict()).isEqualTo("NO-GO");
        assertThat(status.gates().failing())
                .extracting(g -> g.target() + " " + g.gate())
                .containsExactly("macos-arm64 cold-start-p50", "macos-arm64 cold-start-p95");
        assertThat(status.reports()).isNotNull();
        verify(bed.metadata).writeSloReport(any());
        verify(bed.metadata, never()).generate(any());
    }

    @Test
    void aReleaseThatPassesEveryGateCarriesTheGateTableToApproval() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        assertThat(waiting.gates().go()).isTrue();
        assertThat(waiting.gates().gates()).hasSize(18);
        assertThat(waiting.reports().html().key()).endsWith("report.html");
    }
}
