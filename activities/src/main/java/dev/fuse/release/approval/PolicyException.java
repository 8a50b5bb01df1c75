package dev.fuse.release.approval;

/** The approval policy file is missing, unreadable or invalid; the message lists every problem. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }
}
