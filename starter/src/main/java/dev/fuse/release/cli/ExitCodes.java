package dev.fuse.release.cli;

import dev.fuse.release.contract.FailureType;

/** Exit codes of every command, so scripts can tell failures apart. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The release failed, was rejected, or its approval expired. */
    public static final int RELEASE_NOT_PUBLISHED = 1;
    /** Bad input: a flag, version, target, recipe or decision was wrong. */
    public static final int BAD_INPUT = 2;
    /** The request conflicts with the state: already running, already published, wrong phase. */
    public static final int CONFLICT = 3;
    /** Temporal or S3 cannot be reached, or refused the credentials. */
    public static final int UNAVAILABLE = 4;
    /** No such release. */
    public static final int NOT_FOUND = 5;
    /** Anything unexpected (a bug): the message and stack trace say more. */
    public static final int INTERNAL = 70;

    private ExitCodes() {}

    /** The exit code for a typed failure of a release. */
    public static int of(FailureType.ExitClass exitClass) {
        return switch (exitClass) {
            case BAD_INPUT -> BAD_INPUT;
            case CONFLICT -> CONFLICT;
            case NOT_PUBLISHED -> RELEASE_NOT_PUBLISHED;
        };
    }
}
