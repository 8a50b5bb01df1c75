package dev.fuse.release.workflow;

import dev.fuse.release.contract.activity.ReproducibilityActivities;
import dev.fuse.release.contract.activity.RoutingActivities;
import dev.fuse.release.contract.model.RebuilderRequest;
import dev.fuse.release.contract.model.ReproducibilityRequest;
import dev.fuse.release.contract.model.ReproducibilityResult;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetBuildResult;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;

/**
 * The reproducibility rebuild, on another worker of the target's platform when one is alive (a
 * truer check than a second build on the host that made the first), else on the shared queue
 * like before. The other worker is chosen from the workers' announcements ({@code ChooseRebuilder})
 * and reached on its own queue; if it does not take the task within two heartbeat timeouts the
 * rebuild falls back to the shared queue.
 */
final class IndependentRebuild {
    private final ActivityOptionsCatalog options;
    private final Target target;
    private final String sharedQueue;

    IndependentRebuild(ActivityOptionsCatalog options, Target target, String sharedQueue) {
        this.options = options;
        this.target = target;
        this.sharedQueue = sharedQueue;
    }

    ReproducibilityResult run(TargetBuildResult built, ReproducibilityRequest request) {
        String summary = "rebuild " + target.id() + " for reproducibility";
        if (built.builtBy() != null) {
            String other = Workflow.newActivityStub(RoutingActivities.class, options.routing())
                    .chooseRebuilder(new RebuilderRequest(target.platform(), built.builtBy()));
            if (other != null) {
                try {
                    return Workflow.newActivityStub(
                                    ReproducibilityActivities.class,
                                    options.rebuildOn(other, summary + " on another worker"))
                            .check(request);
                } catch (ActivityFailure e) {
                    if (!notTakenInTime(e)) throw e;
                }
            }
        }
        return Workflow.newActivityStub(ReproducibilityActivities.class, options.build(sharedQueue, summary))
                .check(request);
    }

    private static boolean notTakenInTime(ActivityFailure e) {
        return e.getCause() instanceof TimeoutFailure t
                && t.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START;
    }

    /** How the status note says where the second build ran. */
    static String where(TargetBuildResult built, ReproducibilityResult reproduced) {
        if (built.builtBy() == null || reproduced.rebuiltBy() == null) return "";
        return built.builtBy().equals(reproduced.rebuiltBy())
                ? " (rebuilt on the same worker: no other was alive)"
                : " (rebuilt on another worker, " + reproduced.rebuiltBy() + ")";
    }
}
