package dev.fuse.release.workflow;

import dev.fuse.release.model.Artifact;
import dev.fuse.release.model.OperatorRequests;
import dev.fuse.release.model.Phase;
import dev.fuse.release.model.ReleasePlan;
import dev.fuse.release.model.Stage;
import dev.fuse.release.model.Target;
import dev.fuse.release.model.TargetPipelineResult;
import dev.fuse.release.model.TargetStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The building phase of a release: one child pipeline per target plus the VSIX, the results
 * gathered into the release's state, and operators' retries of failed targets. Workflow code: it
 * runs inside the release workflow and shares its state.
 */
final class TargetFanOut {
    private final ReleasePlan plan;
    private final ChildPipelines children;
    private final Duration window;
    private final Map<Target, TargetStatus> targets;
    private final FailedTargets failedTargets;
    private final Gathered gathered;
    private final Consumer<Phase> phases;
    private final Consumer<String> failure;

    TargetFanOut(
            ReleasePlan plan,
            ReleaseActivities activities,
            Duration window,
            Map<Target, TargetStatus> targets,
            FailedTargets failedTargets,
            Gathered gathered,
            Consumer<Phase> phases,
            Consumer<String> failure) {
        this.plan = plan;
        this.children = new ChildPipelines(plan, activities.options());
        this.window = window;
        this.targets = targets;
        this.failedTargets = failedTargets;
        this.gathered = gathered;
        this.phases = phases;
        this.failure = failure;
    }

    /**
     * Fans out one child pipeline per target plus the VSIX and waits for all of them. A target
     * that failed for good makes the release wait for an operator (retry or abandon) instead of
     * failing it; releases started before that existed fail as they did.
     */
    List<Artifact> run() {
        Map<Target, Promise<TargetPipelineResult>> pipelines = new TreeMap<>();
        for (Target target : plan.targets()) {
            pipelines.put(target, children.start(target, 1));
        }
        Promise<Artifact> vsix = children.startExtension();
        List<Artifact> built = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        pipelines.forEach((target, pipeline) -> collect(target, pipeline, built, failures));
        String extensionFailure = null;
        try {
            built.add(vsix.get());
        } catch (TemporalFailure e) {
            extensionFailure = "vscode extension: " + Failures.rootMessage(e);
        }
        if (!failures.isEmpty()
                && extensionFailure == null
                && Workflow.getVersion("operator-retry", Workflow.DEFAULT_VERSION, 1) >= 1) {
            awaitOperators(built);
            failures.clear();
        }
        if (extensionFailure != null) failures.add(extensionFailure);
        if (!failures.isEmpty()) {
            String why = String.join("; ", failures);
            failure.accept(why);
            throw ApplicationFailure.newNonRetryableFailure(why, FailureType.TARGETS_FAILED.name());
        }
        return built;
    }

    private void collect(
            Target target, Promise<TargetPipelineResult> pipeline, List<Artifact> built, List<String> failures) {
        try {
            TargetPipelineResult result = pipeline.get();
            built.addAll(result.artifacts());
            gathered.evidence.addAll(result.evidence());
            gathered.figures.put(target, result.targetEvidence());
            gathered.kept(target, result.record());
            failedTargets.succeeded(target);
        } catch (TemporalFailure e) {
            failures.add(target.id() + ": " + Failures.rootMessage(e));
            failedTargets.failed(target, Failures.rootMessage(e));
        }
    }

    /** Waits for operators until every failed target succeeded on a retry, or the release is abandoned. */
    private void awaitOperators(List<Artifact> built) {
        while (failedTargets.any()) {
            failedTargets.waiting(true);
            phases.accept(Phase.BUILDING);
            boolean acted = Workflow.await(window, failedTargets::actionPending);
            failedTargets.waiting(false);
            if (!acted || failedTargets.abandonRequest() != null) {
                OperatorRequests.Abandon a = failedTargets.abandonRequest();
                String why = a == null
                        ? "no operator retried or abandoned the failed targets within " + window + " ("
                                + failedTargets.summary()
                                + "); the release is abandoned (staging kept, nothing published)"
                        : "abandoned by " + a.operator() + ": " + a.reason();
                failure.accept(why);
                phases.accept(Phase.ABANDONED);
                throw ApplicationFailure.newNonRetryableFailure(why, FailureType.RELEASE_ABANDONED.name());
            }
            Target target = failedTargets.takeRetry();
            int attempt = failedTargets.attempt(target);
            targets.put(target, new TargetStatus(target, Stage.PENDING, false, null, "retry", attempt, null));
            collect(target, children.start(target, attempt), built, new ArrayList<>());
        }
    }
}
