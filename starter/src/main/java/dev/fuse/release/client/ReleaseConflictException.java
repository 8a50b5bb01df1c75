package dev.fuse.release.client;

/** The release exists and its state forbids the request. */
public final class ReleaseConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseConflictException(String message) {
        super(message);
    }
}
