package dev.fuse.release.client;

/**
 * Why the release client could not do what was asked, by kind; the CLI turns each kind into its
 * exit code and a web page could into its status.
 */
public final class ReleaseClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The release is already running, published, ended, or yanked: the request conflicts with it. */
        CONFLICT,
        /** Temporal knows no release of that version. */
        NOT_FOUND,
        /** No worker serves the release's namespace and queue. */
        NO_WORKER,
        /** The release ended before any worker picked it up. */
        NEVER_RAN
    }

    private final Kind kind;

    public ReleaseClientException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
