package dev.fuse.release.workflow;

import com.uber.m3.util.Duration;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.Phase;
import io.temporal.workflow.Workflow;
import java.util.Locale;
import java.util.Map;

/**
 * The release's own metrics, through the SDK's workflow scope: it reports once, never while a
 * history replays, and adds no command to the history, so emitting one needs no patch. A worker
 * without metrics reports them nowhere.
 */
final class ReleaseMetrics {
    private ReleaseMetrics() {}

    /** A release that ended, by how: published, rejected, expired, failed, cancelled, abandoned. */
    static void ended(Phase end) {
        Workflow.getMetricsScope()
                .tagged(Map.of("outcome", end.name().toLowerCase(Locale.ROOT)))
                .counter("fuse_release_releases")
                .inc(1);
    }

    /** How long approvers took, from the request to the decision that settled it (or expiry). */
    static void approvalWaited(long millis, DecisionKind outcome) {
        Workflow.getMetricsScope()
                .tagged(Map.of("decision", outcome.name().toLowerCase(Locale.ROOT)))
                .timer("fuse_release_approval_wait")
                .record(Duration.ofMillis(millis));
    }
}
