package dev.fuse.release.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.RollbackWorkflow;
import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.Delivery;
import dev.fuse.release.contract.model.DeliveryAttempt;
import dev.fuse.release.contract.model.Fixtures;
import dev.fuse.release.contract.model.Notification;
import dev.fuse.release.contract.model.NotificationEvent;
import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RollbackWorkflowTest {
    private final WorkflowTestBed bed = new WorkflowTestBed();

    @AfterEach
    void close() {
        bed.close();
    }

    RollbackWorkflow start(RollbackRequest request) {
        bed.start();
        return bed.env
                .getWorkflowClient()
                .newWorkflowStub(
                        RollbackWorkflow.class,
                        WorkflowOptions.newBuilder()
                                .setWorkflowId(request.workflowId())
                                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                                .build());
    }

    @Test
    void aRollbackStampsTheRequestWithTheWorkflowsTimeAndReturnsWhereLatestPoints() throws Exception {
        RollbackResult done = new RollbackResult(
                "0.5.0",
                "0.4.0",
                new ArtifactRef(Fixtures.BUCKET, "releases/0.5.0/YANKED.json", Fixtures.sha('y'), 200));
        when(bed.rollback.rollback(any())).thenReturn(done);
        RollbackRequest request = new RollbackRequest("0.5.0", null, "oscar", "crash on start", 0L);

        RollbackResult result = start(request).run(request);

        assertThat(result).isEqualTo(done);
        verify(bed.rollback)
                .rollback(argThat(r -> r.atMillis() > 0 && r.operator().equals("oscar")));
        HistoryRecorder.record(bed.env.getWorkflowClient(), "rollback", request.workflowId());
    }

    @Test
    void aRollbackTellsTheEndpointsWhoRolledBackAndWhy() throws Exception {
        bed.notifyTo(List.of("#1 hooks.example.com"), DeliveryAttempt.delivered("HTTP 200"));
        when(bed.rollback.rollback(any()))
                .thenReturn(new RollbackResult(
                        "0.5.0",
                        "0.4.0",
                        new ArtifactRef(Fixtures.BUCKET, "releases/0.5.0/YANKED.json", Fixtures.sha('y'), 200)));
        RollbackRequest request = new RollbackRequest("0.5.0", null, "oscar", "crash on start", 0L);

        start(request).run(request);

        ArgumentCaptor<Delivery> sent = ArgumentCaptor.forClass(Delivery.class);
        verify(bed.notifications).deliver(sent.capture());
        Notification told = sent.getValue().notification();
        assertThat(told.event()).isEqualTo(NotificationEvent.ROLLED_BACK);
        assertThat(told.version()).isEqualTo("0.5.0");
        assertThat(told.reason()).isEqualTo("rolled back by oscar: crash on start");
        HistoryRecorder.record(bed.env.getWorkflowClient(), "rollback-notified", request.workflowId());
    }

    @Test
    void aRefusedRollbackFailsWithItsTypedReason() {
        when(bed.rollback.rollback(any()))
                .thenThrow(ApplicationFailure.newNonRetryableFailure(
                        "version 0.6.0 was never published", FailureType.ROLLBACK_REFUSED.name()));
        RollbackRequest request = new RollbackRequest("0.6.0", null, "oscar", "typo", 0L);

        assertThatThrownBy(() -> start(request).run(request))
                .isInstanceOf(WorkflowFailedException.class)
                .rootCause()
                .hasMessageContaining("0.6.0 was never published");
    }
}
