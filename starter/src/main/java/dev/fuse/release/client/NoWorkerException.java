package dev.fuse.release.client;

/** No worker serves the release's namespace and queue. */
public final class NoWorkerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoWorkerException(String message) {
        super(message);
    }
}
