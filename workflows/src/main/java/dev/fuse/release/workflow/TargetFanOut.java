package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.Failures;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.NotificationEvent;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetPipelineResult;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The building phase of a release: one child pipeline per target plus the VSIX, each result handed
 * to the release's state, and operators' retries of failed targets. It returns what was built or
 * throws the failure that ends the release ({@link ReleaseEnd}).
 */
final class TargetFanOut {
    private final ReleaseState release;
    private final ChildPipelines children;
    private final Duration window;
    private final Notifications notifications;

    TargetFanOut(ReleaseState release, ChildPipelines children, Duration window, Notifications notifications) {
        this.release = release;
        this.children = children;
        this.window = window;
        this.notifications = notifications;
    }

    /**
     * Fans out one child pipeline per target plus the VSIX and waits for all of them. A target
     * that failed for good makes the release wait for an operator (retry or abandon); a VSIX that
     * failed fails the release (no target retry could mend it).
     */
    List<Artifact> run() {
        Map<Target, Promise<TargetPipelineResult>> pipelines = new TreeMap<>();
        for (Target target : release.plan().targets()) {
            pipelines.put(target, children.start(target, 1));
        }
        Promise<Artifact> vsix = children.startExtension();
        List<Artifact> built = new ArrayList<>();
        pipelines.forEach((target, pipeline) -> collect(target, pipeline, built));
        try {
            built.add(vsix.get());
        } catch (TemporalFailure e) {
            List<String> failures = new ArrayList<>();
            if (release.failedTargets().any())
                failures.add(release.failedTargets().summary());
            failures.add("vscode extension: " + Failures.rootMessage(e));
            throw ReleaseEnd.because(FailureType.TARGETS_FAILED, String.join("; ", failures));
        }
        awaitOperators(built);
        return built;
    }

    private void collect(Target target, Promise<TargetPipelineResult> pipeline, List<Artifact> built) {
        try {
            TargetPipelineResult result = pipeline.get();
            built.addAll(result.artifacts());
            release.finished(target, result);
        } catch (TemporalFailure e) {
            release.failed(target, Failures.rootMessage(e));
        }
    }

    /** Waits for operators until every failed target succeeded on a retry, or the release is abandoned. */
    private void awaitOperators(List<Artifact> built) {
        FailedTargets failed = release.failedTargets();
        while (failed.any()) {
            failed.waiting(true);
            release.enter(Phase.BUILDING);
            // A cancelled release's pipelines fail because it is cancelled: nobody is to be called for that.
            if (!CancellationScope.current().isCancelRequested()) {
                notifications.send(Notifications.about(release, NotificationEvent.TARGET_FAILED)
                        .withReason(failed.summary())
                        .withTargets(failed.targets().stream().map(Target::id).toList()));
            }
            boolean acted = Workflow.await(window, failed::actionPending);
            failed.waiting(false);
            if (!acted || failed.abandonRequest() != null) {
                throw ReleaseEnd.because(
                        FailureType.RELEASE_ABANDONED, abandoned(acted ? failed.abandonRequest() : null));
            }
            Target target = failed.takeRetry();
            int attempt = failed.attempt(target);
            release.retrying(target, attempt);
            collect(target, children.start(target, attempt), built);
        }
    }

    private String abandoned(OperatorRequests.Abandon request) {
        return request == null
                ? "no operator retried or abandoned the failed targets within " + window + " ("
                        + release.failedTargets().summary()
                        + "); the release is abandoned (staging kept, nothing published)"
                : "abandoned by " + request.operator() + ": " + request.reason();
    }
}
