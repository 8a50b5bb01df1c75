package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Phase;
import io.temporal.failure.ApplicationFailure;

/**
 * How a release ends before it publishes, as its helpers say it: a non-retryable failure whose
 * type names the ending (a NO-GO, failed targets, an abandon, a rejection, an expired approval).
 * The workflow records the phase and the reason once, where it catches the failure, so no helper
 * reaches back into the release's state to end it.
 */
final class ReleaseEnd {
    private ReleaseEnd() {}

    static ApplicationFailure because(FailureType type, String why) {
        return ApplicationFailure.newNonRetryableFailure(why, type.name());
    }

    /** The phase a release ends in for a failure of this type (or of none of ours). */
    static Phase phaseFor(String type) {
        return FailureType.of(type)
                .map(t -> switch (t) {
                    case RELEASE_REJECTED, APPROVAL_EXPIRED -> Phase.REJECTED;
                    case RELEASE_ABANDONED -> Phase.ABANDONED;
                    default -> Phase.FAILED;
                })
                .orElse(Phase.FAILED);
    }
}
