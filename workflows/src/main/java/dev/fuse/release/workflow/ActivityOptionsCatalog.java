package dev.fuse.release.workflow;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Named activity options, one per kind of work, each timeout with its reason. */
final class ActivityOptionsCatalog {
    private ActivityOptionsCatalog() {}

    private static RetryOptions retries(int maxAttempts) {
        return RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofSeconds(30))
                .setMaximumAttempts(maxAttempts)
                .setDoNotRetry(FailureType.nonRetryableNames())
                .build();
    }

    /** Planning clones the project; a slow remote may take minutes, progress is heartbeated. */
    static ActivityOptions plan() {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStartToCloseTimeout(Duration.ofMinutes(10))
                .setHeartbeatTimeout(Duration.ofMinutes(1))
                .setRetryOptions(retries(3))
                .setSummary("plan: checkout, recipe, SOURCE_DATE_EPOCH")
                .build();
    }

    /**
     * Reading the approval policy is instant; an invalid file is retried (at most every 5 minutes,
     * for a day) so that an operator can fix it without losing the release.
     */
    static ActivityOptions approvalPolicy() {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setScheduleToCloseTimeout(Duration.ofDays(1))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setBackoffCoefficient(2.0)
                        .setMaximumInterval(Duration.ofMinutes(5))
                        .build())
                .setSummary("load the approval policy")
                .build();
    }

    /**
     * The contract's build budget is 10 minutes p95 per target; 45 minutes leaves room for slow
     * runners while the 1 minute heartbeat timeout notices a dead worker quickly.
     */
    static ActivityOptions build(String taskQueue, String summary) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setStartToCloseTimeout(Duration.ofMinutes(45))
                .setHeartbeatTimeout(Duration.ofMinutes(1))
                .setRetryOptions(retries(3))
                .setSummary(summary)
                .build();
    }

    /** Verification downloads and re-reads archives: minutes at most. */
    static ActivityOptions verify(String taskQueue, String summary) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setStartToCloseTimeout(Duration.ofMinutes(15))
                .setHeartbeatTimeout(Duration.ofMinutes(1))
                .setRetryOptions(retries(5))
                .setSummary(summary)
                .build();
    }

    /**
     * Measurement waits for the host to be free of builds and other measurements (heartbeating
     * meanwhile), then runs tens of process starts: generous, but a dead worker is seen in a minute.
     */
    static ActivityOptions measure(String taskQueue, String summary) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setStartToCloseTimeout(Duration.ofMinutes(60))
                .setHeartbeatTimeout(Duration.ofMinutes(1))
                .setRetryOptions(retries(3))
                .setSummary(summary)
                .build();
    }

    /** Metadata is derived from references only; seconds of work. */
    static ActivityOptions metadata() {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStartToCloseTimeout(Duration.ofMinutes(5))
                .setRetryOptions(retries(5))
                .setSummary("metadata: SHA256SUMS, release-artifacts.json")
                .build();
    }

    /** Publishing copies and re-verifies every artifact; idempotent, so retries are safe. */
    /** Two small writes; two minutes cover a slow store, the retries a flaky one. */
    static ActivityOptions rollback() {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(retries(10))
                .setSummary("rollback: yank marker, latest.json")
                .build();
    }

    static ActivityOptions publish() {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStartToCloseTimeout(Duration.ofMinutes(30))
                .setHeartbeatTimeout(Duration.ofMinutes(1))
                .setRetryOptions(retries(10))
                .setSummary("publish: staging -> releases, latest.json")
                .build();
    }
}
