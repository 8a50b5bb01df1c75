package dev.fuse.release.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import dev.fuse.release.contract.ReleaseWorkflow;
import dev.fuse.release.contract.model.Fixtures;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.TargetStatus;
import io.temporal.activity.Activity;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a release rides out a dead worker and an outage: the heartbeat timeout comes from the
 * release request, and infrastructure failures are retried for minutes instead of three attempts.
 */
class LivenessTest {
    private final WorkflowTestBed bed = new WorkflowTestBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void aBuildWhoseWorkerFallsSilentIsRetriedAfterTheReleasesHeartbeatTimeout() throws Exception {
        doAnswer(inv -> {
                    if (Activity.getExecutionContext().getInfo().getAttempt() == 1) {
                        Thread.sleep(Duration.ofSeconds(20).toMillis()); // a killed worker: no heartbeat, no result
                    }
                    return Fixtures.built(inv.<TargetBuildRequest>getArgument(0), false);
                })
                .when(bed.build)
                .buildTarget(any());
        ReleaseWorkflow release = bed.startRelease(WorkflowTestBed.linuxOnly(5L));

        WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);

        List<HistoryEvent> child = childEvents();
        HistoryEvent scheduled = firstOf(child, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
        var attributes = scheduled.getActivityTaskScheduledEventAttributes();
        assertThat(attributes.getHeartbeatTimeout().getSeconds()).isEqualTo(5);
        assertThat(attributes.getRetryPolicy().getMaximumAttempts()).isEqualTo(ActivityOptionsCatalog.PATIENT_ATTEMPTS);
        var started =
                firstOf(child, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED).getActivityTaskStartedEventAttributes();
        assertThat(started.getAttempt())
                .as("the silent first attempt was retried")
                .isEqualTo(2);
        assertThat(firstOf(child, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)).isNotNull();
        HistoryRecorder.record(bed.env.getWorkflowClient(), "target-pipeline-linux-x64", childId());
    }

    @Test
    void anOutageOfSeveralMinutesCostsAWaitNotTheTarget() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        doAnswer(inv -> {
                    if (calls.incrementAndGet() <= 12) {
                        throw ApplicationFailure.newFailure("S3 endpoint unreachable: Connection refused", "TRANSIENT");
                    }
                    return Fixtures.built(inv.<TargetBuildRequest>getArgument(0), false);
                })
                .when(bed.build)
                .buildTarget(any());
        ReleaseWorkflow release = bed.startRelease(WorkflowTestBed.linuxOnly(null));

        // Eleven backoffs of 1 s doubling to 30 s: about 4.5 minutes, skipped by the test server.
        bed.env.sleep(Duration.ofMinutes(6));
        ReleaseStatus waiting = WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);

        // Failures land on whichever target pipeline asks next; each target then builds once.
        assertThat(calls.get()).isEqualTo(12 + bed.releasePlan.targets().size());
        assertThat(waiting.targets()).extracting(TargetStatus::stage).containsOnly(Stage.STAGED);
        HistoryEvent scheduled = firstOf(childEvents(), EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
        assertThat(scheduled
                        .getActivityTaskScheduledEventAttributes()
                        .getHeartbeatTimeout()
                        .getSeconds())
                .as("the default heartbeat timeout")
                .isEqualTo(60);
    }

    private String childId() {
        return Fixtures.request().workflowId() + "/linux-x64";
    }

    private List<HistoryEvent> childEvents() {
        return bed.env.getWorkflowClient().fetchHistory(childId()).getEvents();
    }

    private static HistoryEvent firstOf(List<HistoryEvent> events, EventType type) {
        return events.stream().filter(e -> e.getEventType() == type).findFirst().orElse(null);
    }
}
