package dev.fuse.release.contract;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** Reads the human-meaningful message out of Temporal's nested failure chain. */
public final class Failures {
    private Failures() {}

    /** The message of the innermost cause: what actually went wrong, without wrapper text. */
    public static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApplicationFailure app) {
            return app.getOriginalMessage();
        }
        if (cause instanceof TemporalFailure temporal) {
            return temporal.getOriginalMessage();
        }
        return String.valueOf(cause.getMessage());
    }
}
