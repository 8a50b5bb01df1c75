package dev.fuse.release.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.fuse.release.contract.ReleaseWorkflow;
import dev.fuse.release.contract.model.Delivery;
import dev.fuse.release.contract.model.DeliveryAttempt;
import dev.fuse.release.contract.model.DeliveryStatus;
import dev.fuse.release.contract.model.Fixtures;
import dev.fuse.release.contract.model.Notification;
import dev.fuse.release.contract.model.NotificationEvent;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Target;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What a release tells its webhook endpoints, and how deliveries that fail are retried and given up. */
class NotificationsTest {
    private static final List<String> ONE_ENDPOINT = List.of("#1 hooks.example.com");
    private final WorkflowTestBed bed = new WorkflowTestBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void aFailedThenRetriedTargetSendsEachEventOnceWithItsOwnId() throws Exception {
        bed.notifyTo(ONE_ENDPOINT, DeliveryAttempt.delivered("HTTP 204"));
        bed.failFirstBuildOf(Target.WINDOWS_X64);
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        WorkflowTestBed.awaitFailed(release, Target.WINDOWS_X64);
        WorkflowTestBed.accepted(
                () -> release.retryTarget(new OperatorRequests.Retry(Target.WINDOWS_X64, "oscar", "runner fixed")));
        assertThat(approvedByBob(release).phase()).isEqualTo(Phase.PUBLISHED);

        List<Notification> sent = delivered();
        assertThat(sent)
                .extracting(Notification::event)
                .containsExactly(
                        NotificationEvent.TARGET_FAILED,
                        NotificationEvent.AWAITING_APPROVAL,
                        NotificationEvent.PUBLISHED);
        assertThat(sent).extracting(Notification::id).doesNotContainNull().doesNotHaveDuplicates();
        Notification failed = sent.get(0);
        assertThat(failed.targets()).containsExactly("windows-x64");
        assertThat(failed.reason()).contains("windows-x64: build step 'aot'");
        Notification awaiting = sent.get(1);
        assertThat(awaiting.approval().decideByMillis()).isPositive();
        assertThat(awaiting.approval().approvalsNeeded()).isEqualTo(1);
        assertThat(awaiting.release().commit()).isEqualTo(Fixtures.COMMIT);
        assertThat(release.status().notifications())
                .extracting(DeliveryStatus::state, DeliveryStatus::attempts, DeliveryStatus::endpoint)
                .containsOnly(
                        org.assertj.core.groups.Tuple.tuple(DeliveryStatus.State.DELIVERED, 1, "#1 hooks.example.com"));
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-notified-target-retried",
                Fixtures.request().workflowId());
    }

    @Test
    void aDeadEndpointIsRetriedThenGivenUpAndTheReleaseStillPublishes() throws Exception {
        bed.notifyTo(ONE_ENDPOINT, DeliveryAttempt.failed(true, "connection refused"));
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        assertThat(approvedByBob(release).phase()).isEqualTo(Phase.PUBLISHED);
        List<DeliveryStatus> deliveries = release.status().notifications();
        assertThat(deliveries)
                .extracting(DeliveryStatus::event)
                .containsExactly(NotificationEvent.AWAITING_APPROVAL, NotificationEvent.PUBLISHED);
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(DeliveryStatus.State.GIVEN_UP);
            assertThat(d.attempts()).isEqualTo(Notifications.ATTEMPTS);
            assertThat(d.lastOutcome()).isEqualTo("connection refused");
        });
        // Every attempt of one event carries the same id: a receiver that got one drops the rest.
        List<Delivery> attempts = attempts();
        assertThat(attempts).hasSize(2 * Notifications.ATTEMPTS);
        assertThat(attempts.stream().map(d -> d.notification().id()).distinct()).hasSize(2);
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-notified-given-up",
                Fixtures.request().workflowId());
    }

    @Test
    void anEndpointThatRefusesTheRequestIsNotAskedAgain() throws Exception {
        bed.notifyTo(ONE_ENDPOINT, DeliveryAttempt.failed(false, "HTTP 404"));
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        assertThat(approvedByBob(release).phase()).isEqualTo(Phase.PUBLISHED);
        assertThat(release.status().notifications())
                .extracting(DeliveryStatus::state, DeliveryStatus::attempts)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(DeliveryStatus.State.GIVEN_UP, 1));
    }

    @Test
    void aWorkerThatFailsOnEveryDeliveryCountsAsFailedAttempts() throws Exception {
        bed.notifyTo(ONE_ENDPOINT, null);
        when(bed.notifications.deliver(any())).thenThrow(new IllegalStateException("worker broke"));
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        assertThat(approvedByBob(release).phase()).isEqualTo(Phase.PUBLISHED);
        assertThat(release.status().notifications()).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(DeliveryStatus.State.GIVEN_UP);
            assertThat(d.lastOutcome()).startsWith("the notifying worker failed: worker broke");
        });
    }

    @Test
    void aLongApprovalWindowWarnsADayBeforeItExpires() throws Exception {
        bed.notifyTo(ONE_ENDPOINT, DeliveryAttempt.delivered("HTTP 200"));
        ReleaseRequest request = ReleaseRequest.builder("0.4.0", "/tmp/example-repo", "main")
                .targets(Target.allIds())
                .requestedBy("alice")
                .approvalTimeoutSeconds(3 * 24 * 3600)
                .build();
        ReleaseWorkflow release = bed.startRelease(request);

        assertThatThrownBy(() -> result(release))
                .isInstanceOf(WorkflowFailedException.class)
                .rootCause()
                .hasMessageContaining("no decision within PT72H");
        List<Notification> sent = delivered();
        assertThat(sent)
                .extracting(Notification::event)
                .containsExactly(
                        NotificationEvent.AWAITING_APPROVAL,
                        NotificationEvent.APPROVAL_ENDING,
                        NotificationEvent.EXPIRED);
        // Sent when a day is left (the timer's task runs a few milliseconds after it fired).
        assertThat(sent.get(1).approval()).isEqualTo(sent.get(0).approval());
        assertThat(sent.get(1).approval().decideByMillis() - sent.get(1).occurredAtMillis())
                .isBetween(
                        Duration.ofDays(1).minusMinutes(1).toMillis(),
                        Duration.ofDays(1).toMillis());
        assertThat(sent.get(2).reason()).contains("no decision within PT72H");
        HistoryRecorder.record(bed.env.getWorkflowClient(), "release-notified-expired", request.workflowId());
    }

    @Test
    void aCancelledReleaseStillTellsItsEndpoints() throws Exception {
        bed.notifyTo(ONE_ENDPOINT, DeliveryAttempt.delivered("HTTP 200"));
        CountDownLatch never = bed.holdBuilds();
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        WorkflowTestBed.awaitPhase(release, Phase.BUILDING);

        WorkflowStub.fromTyped(release).cancel();

        assertThatThrownBy(() -> result(release)).isInstanceOf(WorkflowFailedException.class);
        never.countDown();
        assertThat(delivered()).extracting(Notification::event).containsExactly(NotificationEvent.CANCELLED);
        assertThat(release.status().notifications())
                .extracting(DeliveryStatus::state)
                .containsExactly(DeliveryStatus.State.DELIVERED);
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "release-notified-cancelled",
                Fixtures.request().workflowId());
    }

    @Test
    void withoutEndpointsNothingIsSent() throws Exception {
        ReleaseWorkflow release = bed.startRelease(Fixtures.request());
        assertThat(approvedByBob(release).phase()).isEqualTo(Phase.PUBLISHED);
        verify(bed.notifications, atLeastOnce()).endpoints();
        verify(bed.notifications, never()).deliver(any());
        assertThat(release.status().notifications()).isEmpty();
    }

    /** Approves the release once it waits (as bob, on what it staged) and returns how it ended. */
    private static ReleaseStatus approvedByBob(ReleaseWorkflow release) throws InterruptedException {
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);
        release.approve(WorkflowTestBed.decision("bob", "ok", waiting));
        return result(release);
    }

    private static ReleaseStatus result(ReleaseWorkflow release) {
        return WorkflowStub.fromTyped(release).getResult(ReleaseStatus.class);
    }

    private List<Delivery> attempts() {
        ArgumentCaptor<Delivery> captor = ArgumentCaptor.forClass(Delivery.class);
        verify(bed.notifications, atLeastOnce()).deliver(captor.capture());
        return captor.getAllValues();
    }

    /** The notifications delivered, in order, each once (every endpoint answered at the first attempt). */
    private List<Notification> delivered() {
        return attempts().stream().map(Delivery::notification).toList();
    }
}
