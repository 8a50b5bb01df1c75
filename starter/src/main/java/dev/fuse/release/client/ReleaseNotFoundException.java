package dev.fuse.release.client;

/** No such release. */
public final class ReleaseNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseNotFoundException(String message) {
        super(message);
    }
}
