package dev.fuse.release.client;

import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.client.WorkflowNotFoundException;

/**
 * Whether a release's publication waits for a signer. Only a worker that holds the release key
 * serves fuse-release-signer; a deployment that forgot it leaves the release in PUBLISHING with
 * its Publish scheduled and never started, which the workflow itself cannot tell from a slow one.
 */
public final class SignerWait {
    private SignerWait() {}

    /** Publish is scheduled and no signer has started it (a retry's back-off looks the same). */
    public static boolean publishWaits(ReleaseClient releases, String version) {
        try {
            return releases.untyped(version).describe().getRawDescription().getPendingActivitiesList().stream()
                    .anyMatch(a -> a.getActivityType().getName().equals("Publish")
                            && a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED);
        } catch (WorkflowNotFoundException e) {
            return false;
        }
    }
}
