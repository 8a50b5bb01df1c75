package dev.fuse.release.storage;

/** A storage failure with a message a release manager can act on. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        UNREACHABLE,
        ACCESS_DENIED,
        NO_BUCKET,
        NOT_FOUND,
        CONFLICT,
        DIGEST_MISMATCH,
        OTHER
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
