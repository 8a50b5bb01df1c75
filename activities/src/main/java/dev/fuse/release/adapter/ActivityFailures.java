package dev.fuse.release.adapter;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.InvalidRequestException;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.secrets.SecretMask;
import dev.fuse.release.storage.StoreException;
import io.temporal.client.ActivityWorkerShutdownException;
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

    /**
     * The failure for history. Its message is masked ({@link SecretMask}): it is recorded for good and
     * shown by status, and it may quote a step's output. The cause is never attached, so no stack
     * trace or nested message carries anything unmasked.
     */
    static ApplicationFailure toFailure(Exception e) {
        if (e instanceof PipelineException p) {
            return nonRetryable(p.getMessage(), p.type());
        }
        if (e instanceof InvalidRequestException r) {
            return nonRetryable(r.getMessage(), FailureType.INVALID_RECIPE);
        }
        if (e instanceof StoreException s && s.kind() == StoreException.Kind.CONFLICT) {
            return nonRetryable(s.getMessage(), FailureType.ALREADY_PUBLISHED);
        }
        if (e instanceof StoreException s && s.kind() == StoreException.Kind.DIGEST_MISMATCH) {
            return nonRetryable(s.getMessage(), FailureType.DIGEST_MISMATCH);
        }
        if (e instanceof ActivityWorkerShutdownException) {
            // Retryable at once: the next attempt runs on another worker instead of waiting out a heartbeat timeout.
            return ApplicationFailure.newFailureWithCause(
                    "the worker shut down (SIGTERM or a deploy) during this activity; it runs again on another worker",
                    FailureType.TRANSIENT.name(),
                    null);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        // Everything else (network, disk, an unreachable store) may pass: let Temporal retry it.
        return ApplicationFailure.newFailureWithCause(
                SecretMask.mask(e.getClass().getSimpleName() + ": " + e.getMessage()),
                FailureType.TRANSIENT.name(),
                null);
    }

    private static ApplicationFailure nonRetryable(String message, FailureType type) {
        return ApplicationFailure.newNonRetryableFailureWithCause(SecretMask.mask(message), type.name(), null);
    }
}
