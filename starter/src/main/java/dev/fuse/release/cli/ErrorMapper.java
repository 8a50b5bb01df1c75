package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseClientException;
import dev.fuse.release.client.TemporalConnection;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.Failures;
import dev.fuse.release.contract.model.InvalidRequestException;
import dev.fuse.release.storage.StoreException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;

/** The one place that turns any exception into a one-line message and an exit code. */
public final class ErrorMapper {
    public record Mapped(int exitCode, String message) {}

    private ErrorMapper() {}

    public static Mapped map(Throwable e) {
        if (e instanceof CliException c) return new Mapped(c.exitCode(), c.getMessage());
        if (e instanceof InvalidRequestException r)
            return new Mapped(ExitCodes.BAD_INPUT, String.join("; ", r.problems()));
        if (e instanceof TemporalConnection.ConnectionException c)
            return new Mapped(ExitCodes.UNAVAILABLE, c.getMessage());
        if (e instanceof ReleaseClientException c) return new Mapped(exitCodeOf(c.kind()), c.getMessage());
        if (e instanceof StoreException s) return store(s);
        if (e instanceof WorkflowUpdateException u && u.getCause() instanceof ApplicationFailure app) {
            return new Mapped(exitCodeOf(app.getType(), ExitCodes.CONFLICT), "refused: " + app.getOriginalMessage());
        }
        if (e instanceof WorkflowNotFoundException n)
            return noSuchRelease(n.getExecution().getWorkflowId());
        if (e instanceof WorkflowServiceException w && rootStatus(w) != null) return service(w, rootStatus(w));
        if (e instanceof WorkflowException w) {
            return new Mapped(exitCodeOf(innermostType(w), ExitCodes.RELEASE_NOT_PUBLISHED), Failures.rootMessage(w));
        }
        if (e instanceof IllegalArgumentException i) return new Mapped(ExitCodes.BAD_INPUT, i.getMessage());
        return new Mapped(ExitCodes.INTERNAL, "unexpected error: " + e);
    }

    private static int exitCodeOf(ReleaseClientException.Kind kind) {
        return switch (kind) {
            case CONFLICT -> ExitCodes.CONFLICT;
            case NOT_FOUND -> ExitCodes.NOT_FOUND;
            case NO_WORKER -> ExitCodes.UNAVAILABLE;
            case NEVER_RAN -> ExitCodes.RELEASE_NOT_PUBLISHED;
        };
    }

    private static Mapped store(StoreException s) {
        int code = switch (s.kind()) {
            case UNREACHABLE, ACCESS_DENIED, NO_BUCKET, OTHER -> ExitCodes.UNAVAILABLE;
            case CONFLICT -> ExitCodes.CONFLICT;
            case NOT_FOUND -> ExitCodes.NOT_FOUND;
            case DIGEST_MISMATCH -> ExitCodes.INTERNAL;
        };
        return new Mapped(code, s.getMessage());
    }

    private static Mapped noSuchRelease(String workflowId) {
        return new Mapped(
                ExitCodes.NOT_FOUND, "no such release (" + workflowId + "); list releases with ./fuse-release list");
    }

    /** A call the server refused: a closed release, a missing one, or anything else it said. */
    private static Mapped service(WorkflowServiceException w, Status status) {
        String description = String.valueOf(status.getDescription());
        if (status.getCode() == Status.Code.NOT_FOUND && description.contains("already completed")) {
            return new Mapped(
                    ExitCodes.CONFLICT,
                    "release " + w.getExecution().getWorkflowId()
                            + " has already ended and takes no more decisions; see ./fuse-release status <version>");
        }
        if (status.getCode() == Status.Code.NOT_FOUND) {
            return noSuchRelease(w.getExecution().getWorkflowId());
        }
        return new Mapped(ExitCodes.UNAVAILABLE, "Temporal refused the call: " + status.getCode() + " " + description);
    }

    /** The exit code a typed failure maps to; {@code otherwise} for types that are not ours. */
    public static int exitCodeOf(String failureType, int otherwise) {
        return FailureType.of(failureType).map(t -> ExitCodes.of(t.exitClass())).orElse(otherwise);
    }

    private static String innermostType(Throwable e) {
        String type = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApplicationFailure app) type = app.getType();
        }
        return type;
    }

    private static Status rootStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException s) return s.getStatus();
        }
        return null;
    }
}
