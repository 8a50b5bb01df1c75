package dev.fuse.release.adapter;

import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.model.InvalidRequestException;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.workflow.FailureType;
import io.temporal.failure.ApplicationFailure;

/**
 * The one place that turns exceptions of plain code into Temporal failures: typed and
 * non-retryable when retrying cannot help, retryable (transient I/O, unreachable store) otherwise.
 */
final class ActivityFailures {
    private ActivityFailures() {}

    /** Work of an activity method, run through {@link #run}. */
    @FunctionalInterface
    interface Work<T> {
        T get() throws Exception;
    }

    /** Runs an activity's plain-code work and maps whatever it throws, the same way for every activity. */
    static <T> T run(Work<T> work) {
        try {
            return work.get();
        } catch (Exception e) {
            throw toFailure(e);
        }
    }

    static ApplicationFailure toFailure(Exception e) {
        if (e instanceof PipelineException p) {
            return ApplicationFailure.newNonRetryableFailureWithCause(
                    p.getMessage(), p.type().name(), null);
        }
        if (e instanceof InvalidRequestException r) {
            return ApplicationFailure.newNonRetryableFailureWithCause(
                    r.getMessage(), FailureType.INVALID_RECIPE.name(), null);
        }
        if (e instanceof StoreException s && s.kind() == StoreException.Kind.CONFLICT) {
            return ApplicationFailure.newNonRetryableFailureWithCause(
                    s.getMessage(), FailureType.ALREADY_PUBLISHED.name(), null);
        }
        if (e instanceof StoreException s && s.kind() == StoreException.Kind.DIGEST_MISMATCH) {
            return ApplicationFailure.newNonRetryableFailureWithCause(
                    s.getMessage(), FailureType.DIGEST_MISMATCH.name(), null);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        // Everything else (network, disk, an unreachable store) may pass: let Temporal retry it.
        return ApplicationFailure.newFailureWithCause(
                e.getClass().getSimpleName() + ": " + e.getMessage(), FailureType.TRANSIENT.name(), null);
    }
}
