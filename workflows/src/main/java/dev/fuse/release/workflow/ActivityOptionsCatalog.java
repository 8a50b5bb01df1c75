package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.contract.model.Target;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Named activity options, one per kind of work, each timeout with its reason; one catalog per
 * workflow run, made from the release's heartbeat timeout.
 *
 * <p>Two knobs make a worker's death or an outage cost a wait instead of a target:
 *
 * <ul>
 *   <li>the <b>heartbeat timeout</b> (the release's, a minute by default) is how soon Temporal
 *       declares a silent worker dead and hands its activity to another; every activity that can
 *       run for more than a moment heartbeats, metadata included;
 *   <li><b>patient retries</b>: failures that say the work itself is wrong (a build command
 *       failed, a digest mismatch) are never retried, so the retry budget is only spent on
 *       infrastructure: a dead worker, an unreachable store, a dropped connection. 20 attempts
 *       with backoff capped at 30 s span about 8 minutes, so an S3 or network outage of several
 *       minutes is waited out; a longer one leaves the target failed for an operator to retry.
 * </ul>
 */
final class ActivityOptionsCatalog {
    static final int PATIENT_ATTEMPTS = 20;

    private final Duration heartbeat;

    private ActivityOptionsCatalog(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    /** The catalog of a run whose release set this heartbeat timeout. */
    static ActivityOptionsCatalog forRun(long heartbeatTimeoutSeconds) {
        return new ActivityOptionsCatalog(Duration.ofSeconds(heartbeatTimeoutSeconds));
    }

    private RetryOptions retries() {
        return RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofSeconds(30))
                .setMaximumAttempts(PATIENT_ATTEMPTS)
                .setDoNotRetry(FailureType.nonRetryableNames())
                .build();
    }

    /** Planning clones the project; a slow remote may take minutes, progress is heartbeated. */
    ActivityOptions plan() {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStartToCloseTimeout(Duration.ofMinutes(10))
                .setHeartbeatTimeout(heartbeat)
                .setRetryOptions(retries())
                .setSummary("plan: checkout, recipe, SOURCE_DATE_EPOCH")
                .build();
    }

    /**
     * Reading the approval policy is instant; an invalid file is retried (at most every 5 minutes,
     * for a day) so that an operator can fix it without losing the release.
     */
    ActivityOptions approvalPolicy() {
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
     * runners while the heartbeat timeout notices a dead worker quickly.
     */
    ActivityOptions build(String taskQueue, String summary) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setStartToCloseTimeout(Duration.ofMinutes(45))
                .setHeartbeatTimeout(heartbeat)
                .setRetryOptions(retries())
                .setSummary(summary)
                .build();
    }

    /** Listing the worker's notification endpoints reads its configuration: a local activity, no queue trip. */
    LocalActivityOptions notificationEndpoints() {
        return LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                .build();
    }

    /**
     * One webhook POST (its own timeouts add up to 12 s); Temporal retries only a worker that died or hung
     * on it, twice. Endpoint failures come back as answers and {@link Notifications} retries them.
     */
    ActivityOptions notification() {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStartToCloseTimeout(Duration.ofSeconds(15))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setMaximumAttempts(3)
                        .build())
                .setSummary("notify a webhook endpoint")
                .build();
    }

    /** Verification downloads and re-reads archives: minutes at most. */
    ActivityOptions verify(String taskQueue, String summary) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setStartToCloseTimeout(Duration.ofMinutes(15))
                .setHeartbeatTimeout(heartbeat)
                .setRetryOptions(retries())
                .setSummary(summary)
                .build();
    }

    /**
     * Measurement waits for the host to be free of builds and other measurements (heartbeating
     * meanwhile), then runs tens of process starts: generous, but a dead worker is seen quickly.
     */
    ActivityOptions measure(String taskQueue, String summary) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setStartToCloseTimeout(Duration.ofMinutes(60))
                .setHeartbeatTimeout(heartbeat)
                .setRetryOptions(retries())
                .setSummary(summary)
                .build();
    }

    /** Metadata is derived from references only; seconds of work, heartbeated between writes. */
    ActivityOptions metadata() {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStartToCloseTimeout(Duration.ofMinutes(5))
                .setHeartbeatTimeout(heartbeat)
                .setRetryOptions(retries())
                .setSummary("metadata: SHA256SUMS, release-artifacts.json")
                .build();
    }

    /** Keeping a target's result is one small write; retried like metadata. */
    ActivityOptions recordTarget(Target target) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(retries())
                .setSummary("keep the " + target.id() + " result in staging")
                .build();
    }

    /**
     * A rebuild sent to one particular worker's own queue: if that worker does not take it within
     * two heartbeat timeouts (two minutes by default: it died or stopped since it last announced
     * itself) the rebuild falls back to the target's shared queue, so a vanished worker costs that
     * wait, not the release. The release's liveness knob sets both.
     */
    ActivityOptions rebuildOn(String workerQueue, String summary) {
        return ActivityOptions.newBuilder(build(workerQueue, summary))
                .setScheduleToStartTimeout(heartbeat.multipliedBy(2))
                .build();
    }

    /** Choosing a rebuilder reads a few small objects. */
    ActivityOptions routing() {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(retries())
                .setSummary("choose an independent rebuilder")
                .build();
    }

    /**
     * Two small writes; two minutes cover a slow store, the retries a flaky one.
     *
     * @param queue where it runs: the signer's queue, or the orchestrator's for a run from before it
     */
    ActivityOptions rollback(String queue) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(queue)
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(retries())
                .setSummary("rollback: yank marker, latest.json")
                .build();
    }

    /**
     * Publishing copies and re-verifies every artifact; idempotent, so retries are safe.
     *
     * @param queue where it runs: the signer's queue, or the orchestrator's for a run from before it
     */
    ActivityOptions publish(String queue) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(queue)
                .setStartToCloseTimeout(Duration.ofMinutes(30))
                .setHeartbeatTimeout(heartbeat)
                .setRetryOptions(retries())
                .setSummary("publish: staging -> releases, latest.json")
                .build();
    }

    /** The heartbeat timeout a child pipeline inherits. */
    long heartbeatSeconds() {
        return heartbeat.toSeconds();
    }
}
