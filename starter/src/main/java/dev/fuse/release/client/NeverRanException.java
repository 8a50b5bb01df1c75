package dev.fuse.release.client;

/** The release ended without ever running (terminated before a worker took it). */
public final class NeverRanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NeverRanException(String message) {
        super(message);
    }
}
