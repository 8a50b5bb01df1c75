package dev.fuse.release.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.fuse.release.contract.ReleaseWorkflow;
import dev.fuse.release.contract.SearchAttributes;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.Fixtures;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A target that fails for good waits for an operator: retried, abandoned, or abandoned by the window. */
class OperatorRetryTest {
    private final WorkflowTestBed bed = new WorkflowTestBed();

    @BeforeEach
    void windowsFailsItsFirstBuild() {
        bed.failFirstBuildOf(Target.WINDOWS_X64);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void aRetriedTargetCompletesTheReleaseWithoutRebuildingTheOthers() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        ReleaseStatus waiting = WorkflowTestBed.awaitFailed(release, Target.WINDOWS_X64);
        TargetStatus windows = target(waiting, Target.WINDOWS_X64);
        assertThat(windows.failedIn()).isEqualTo(Stage.BUILDING);
        assertThat(windows.detail()).contains("exited with status 1");
        assertThat(target(waiting, Target.LINUX_X64).stage()).isEqualTo(Stage.STAGED);
        assertThat(awaitAttribute(SearchAttributes.FAILED_TARGETS)).containsExactly("windows-x64");

        WorkflowTestBed.accepted(
                () -> release.retryTarget(new OperatorRequests.Retry(Target.WINDOWS_X64, "oscar", "runner fixed")));
        ReleaseStatus approval = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        assertThat(target(approval, Target.WINDOWS_X64).attempt()).isEqualTo(2);
        assertThat(attributes().get(SearchAttributes.AWAITING_APPROVAL)).isTrue();
        assertThat(attributes().get(SearchAttributes.FAILED_TARGETS)).isEmpty();
        assertThat(approval.artifacts()).hasSize(7);
        release.approve(WorkflowTestBed.decision("bob", "ok", approval));

        assertThat(WorkflowStub.fromTyped(release)
                        .getResult(ReleaseStatus.class)
                        .phase())
                .isEqualTo(Phase.PUBLISHED);
        verify(bed.build, times(1)).buildTarget(argThat(r -> r.target() == Target.LINUX_X64));
        verify(bed.build, times(1)).buildTarget(argThat(r -> r.target() == Target.MACOS_ARM64));
        verify(bed.build, times(2)).buildTarget(argThat(r -> r.target() == Target.WINDOWS_X64));
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-target-retried",
                Fixtures.request().workflowId());
    }

    @Test
    void anAbandonedReleaseEndsCleanlyAndPublishesNothing() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        WorkflowTestBed.awaitFailed(release, Target.WINDOWS_X64);

        WorkflowTestBed.accepted(
                () -> release.abandon(new OperatorRequests.Abandon("oscar", "macOS runners are down for the week")));

        assertThatThrownBy(() -> WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class))
                .isInstanceOf(WorkflowFailedException.class)
                .rootCause()
                .hasMessageContaining("abandoned by oscar: macOS runners are down for the week");
        assertThat(release.status().phase()).isEqualTo(Phase.ABANDONED);
        verify(bed.metadata, never()).generate(any());
        verify(bed.publish, never()).publish(any());
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-abandoned",
                Fixtures.request().workflowId());
    }

    @Test
    void nobodyActingWithinTheWindowAbandonsTheReleaseNamingTheFailure() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());

        // getResult lets the test server skip the three days of the operator window.
        assertThatThrownBy(() -> WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class))
                .isInstanceOf(WorkflowFailedException.class)
                .rootCause()
                .hasMessageContaining("no operator retried or abandoned the failed targets within PT72H")
                .hasMessageContaining("windows-x64: build step 'aot' for windows-x64 exited with status 1");
        assertThat(release.status().phase()).isEqualTo(Phase.ABANDONED);
        verify(bed.metadata, never()).generate(any());
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-target-failed",
                Fixtures.request().workflowId());
    }

    @Test
    void operatorRequestsThatCannotApplyAreRefusedBeforeHistory() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        WorkflowTestBed.awaitFailed(release, Target.WINDOWS_X64);
        // Once the release waits, the refusal is the one about the target itself.
        Throwable refused = catchThrowable(() -> WorkflowTestBed.accepted(
                () -> release.retryTarget(new OperatorRequests.Retry(Target.LINUX_X64, "oscar", "why"))));
        assertThat(refused)
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("linux-x64 has not failed (failed: windows-x64)");
        assertThatThrownBy(() -> release.retryTarget(new OperatorRequests.Retry(Target.WINDOWS_X64, "oscar", " ")))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("missing reason: pass --reason");
        assertThatThrownBy(() -> release.abandon(new OperatorRequests.Abandon("", "x")))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("missing operator");
        assertThatThrownBy(() -> release.approve(new ApprovalDecision("bob", "ok", null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("in phase BUILDING");

        release.retryTarget(new OperatorRequests.Retry(Target.WINDOWS_X64, "oscar", "runner fixed"));
        WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        assertThatThrownBy(() -> release.retryTarget(new OperatorRequests.Retry(Target.WINDOWS_X64, "oscar", "again")))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("only a release waiting on a failed target");
    }

    @Test
    void aCancelledReleaseStopsItsPipelinesAndPublishesNothing() throws Exception {
        java.util.concurrent.CountDownLatch never = bed.holdBuilds();
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        WorkflowTestBed.awaitPhase(release, Phase.BUILDING);

        WorkflowStub.fromTyped(release).cancel();

        assertThatThrownBy(() -> WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class))
                .isInstanceOf(WorkflowFailedException.class)
                .hasCauseInstanceOf(io.temporal.failure.CanceledFailure.class);
        never.countDown();
        assertThat(release.status().phase()).isEqualTo(Phase.CANCELLED);
        assertThat(attributes().get(SearchAttributes.PHASE)).isEqualTo("CANCELLED");
        assertThat(bed.env
                        .getWorkflowClient()
                        .newUntypedWorkflowStub(Fixtures.request().workflowId())
                        .describe()
                        .getStatus())
                .isEqualTo(io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED);
        verify(bed.metadata, never()).generate(any());
        verify(bed.publish, never()).publish(any());
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-cancelled",
                Fixtures.request().workflowId());
    }

    @Test
    void operatorActionsAreCheckedAgainstThePolicyBeforeHistory() throws Exception {
        bed.approvalPolicy = new ApprovalPolicy(List.of("bob"), 1, false, 3600, false, null, "policy.json");
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        WorkflowTestBed.awaitFailed(release, Target.WINDOWS_X64);

        // Through accepted(): the release starts waiting a task after the failure shows, and until
        // then the refusal is the phase's, not the policy's (seen under a loaded CI run).
        assertThatThrownBy(() -> WorkflowTestBed.accepted(
                        () -> release.retryTarget(new OperatorRequests.Retry(Target.WINDOWS_X64, "mallory", "me"))))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("mallory may not retry release 0.4.0 under the policy (policy.json)");
        assertThatThrownBy(() -> release.abandon(new OperatorRequests.Abandon("alice", "mine, I give up")))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("alice may not abandon");
        assertThatThrownBy(() -> release.cancel(new OperatorRequests.Cancel("mallory", "stop it", null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("mallory may not cancel");

        // The requester may retry their own release; the approver abandons it.
        WorkflowTestBed.accepted(
                () -> release.retryTarget(new OperatorRequests.Retry(Target.WINDOWS_X64, "alice", "flaky runner")));
        WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
    }

    @Test
    void aCancelThroughThePolicyRecordsWhoCancelledAndWhy() throws Exception {
        bed.approvalPolicy = new ApprovalPolicy(List.of("bob"), 1, false, 3600, false, null, "policy.json");
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        WorkflowTestBed.awaitFailed(release, Target.WINDOWS_X64);

        release.cancel(new OperatorRequests.Cancel("Bob", "wrong revision", null));
        assertThatThrownBy(() -> release.cancel(new OperatorRequests.Cancel("bob", "again", null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("already cancelled by bob");
        WorkflowStub.fromTyped(release).cancel();

        assertThatThrownBy(() -> WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class))
                .isInstanceOf(WorkflowFailedException.class)
                .hasCauseInstanceOf(io.temporal.failure.CanceledFailure.class);
        assertThat(release.status().phase()).isEqualTo(Phase.CANCELLED);
        assertThat(release.status().failure()).isEqualTo("cancelled by bob: wrong revision");
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-cancelled-by-operator",
                Fixtures.request().workflowId());
    }

    private io.temporal.common.SearchAttributes attributes() {
        return bed.env
                .getWorkflowClient()
                .newUntypedWorkflowStub(Fixtures.request().workflowId())
                .describe()
                .getTypedSearchAttributes();
    }

    private java.util.List<String> awaitAttribute(io.temporal.common.SearchAttributeKey<java.util.List<String>> key)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            java.util.List<String> value = attributes().get(key);
            if (value != null && !value.isEmpty()) return value;
            Thread.sleep(20);
        }
        throw new AssertionError(key.getName() + " never set");
    }

    private static TargetStatus target(ReleaseStatus status, Target target) {
        return status.targets().stream()
                .filter(t -> t.target() == target)
                .findFirst()
                .orElseThrow();
    }
}
