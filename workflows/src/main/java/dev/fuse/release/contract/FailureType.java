package dev.fuse.release.contract;

import dev.fuse.release.contract.model.Phase;
import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every failure type of the pipeline, the one vocabulary shared by activities, workflows and the
 * CLI: the type of each {@code ApplicationFailure} is one of these names. Each says whether
 * Temporal may retry it and how a command-line user should read it (the CLI maps that to its exit
 * code). Retrying a non-retryable failure would fail the same way, so it goes straight to the
 * workflow and the operator instead of burning retries.
 */
public enum FailureType {
    // What an activity reports.
    INVALID_RECIPE(false, ExitClass.BAD_INPUT),
    CHECKOUT_FAILED(false, ExitClass.BAD_INPUT),
    BUILD_COMMAND_FAILED(false, ExitClass.NOT_PUBLISHED),
    BAD_ARCHIVE(false, ExitClass.NOT_PUBLISHED),
    DIGEST_MISMATCH(false, ExitClass.NOT_PUBLISHED),
    ALREADY_PUBLISHED(false, ExitClass.CONFLICT),
    /** The version differs from an existing release only in case: their files would collide. */
    VERSION_CONFLICT(false, ExitClass.CONFLICT),
    /** A rollback that cannot apply: the version is not published, not latest, or the target is not published. */
    ROLLBACK_REFUSED(false, ExitClass.CONFLICT),
    POLICY_VIOLATION(false, ExitClass.NOT_PUBLISHED),
    TARGET_NOT_SERVED(false, ExitClass.NOT_PUBLISHED),
    NOT_REPRODUCIBLE(false, ExitClass.NOT_PUBLISHED),
    PARITY_REPORT_INVALID(false, ExitClass.NOT_PUBLISHED),
    MEASUREMENT_FAILED(false, ExitClass.NOT_PUBLISHED),
    /** The worker's approval policy file is unreadable or invalid: retried until an operator fixes it. */
    INVALID_POLICY(true, ExitClass.BAD_INPUT),
    /** Network, disk, an unreachable store: worth another attempt. */
    TRANSIENT(true, ExitClass.NOT_PUBLISHED),

    // How a release ends when it is not published.
    RELEASE_FAILED(false, ExitClass.NOT_PUBLISHED),
    RELEASE_REJECTED(false, ExitClass.NOT_PUBLISHED),
    APPROVAL_EXPIRED(false, ExitClass.NOT_PUBLISHED),
    TARGETS_FAILED(false, ExitClass.NOT_PUBLISHED),
    GATES_FAILED(false, ExitClass.NOT_PUBLISHED),
    RELEASE_ABANDONED(false, ExitClass.NOT_PUBLISHED),

    // Why an Update (a decision, a retry, an abandon) is refused.
    INVALID_DECISION(false, ExitClass.BAD_INPUT),
    /** A decision's SSH signature is missing (when required), malformed, foreign or over something else. */
    BAD_SIGNATURE(false, ExitClass.BAD_INPUT),
    /** The approval policy does not let this person take this decision (not an approver, the requester, twice). */
    APPROVAL_NOT_ALLOWED(false, ExitClass.CONFLICT),
    INVALID_OPERATOR_REQUEST(false, ExitClass.BAD_INPUT),
    WRONG_PHASE(false, ExitClass.CONFLICT),
    ALREADY_DECIDED(false, ExitClass.CONFLICT);

    /** How a command-line user should read the failure; the CLI maps each class to one exit code. */
    public enum ExitClass {
        BAD_INPUT,
        CONFLICT,
        NOT_PUBLISHED
    }

    private final boolean retryable;
    private final ExitClass exitClass;

    FailureType(boolean retryable, ExitClass exitClass) {
        this.retryable = retryable;
        this.exitClass = exitClass;
    }

    public boolean retryable() {
        return retryable;
    }

    public ExitClass exitClass() {
        return exitClass;
    }

    /** The type named by a failure, if it is one of ours. */
    public static Optional<FailureType> of(String type) {
        for (FailureType t : values()) {
            if (t.name().equals(type)) return Optional.of(t);
        }
        return Optional.empty();
    }

    /**
     * A refusal of this type, as an Update validator throws it: the caller picks its exit code from
     * the type, which reaches the client intact since Temporal's Java SDK 1.39 (before it, the
     * SDK replaced it: temporalio/sdk-java#2875, so the type also had to travel in the message).
     */
    public ApplicationFailure refusal(String message) {
        return ApplicationFailure.newNonRetryableFailure(message, name());
    }

    /** How a release that ends unpublished in {@code phase} fails its execution. */
    public static FailureType endingIn(Phase phase) {
        return switch (phase) {
            case REJECTED -> RELEASE_REJECTED;
            case ABANDONED -> RELEASE_ABANDONED;
            default -> RELEASE_FAILED;
        };
    }

    /** Names of every type Temporal must not retry (activity options list them). */
    public static String[] nonRetryableNames() {
        return Arrays.stream(values()).filter(t -> !t.retryable).map(Enum::name).toArray(String[]::new);
    }
}
