package dev.fuse.release.failure;

import dev.fuse.release.contract.FailureType;

/**
 * A failure of pipeline work that retrying cannot fix, with its type from {@link FailureType}.
 * Plain code throws it; activity adapters turn it into a non-retryable ApplicationFailure.
 */
public class PipelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final FailureType type;

    public PipelineException(FailureType type, String message) {
        super(message);
        this.type = type;
    }

    public PipelineException(FailureType type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public FailureType type() {
        return type;
    }
}
