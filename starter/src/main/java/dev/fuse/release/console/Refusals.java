package dev.fuse.release.console;

import dev.fuse.release.client.ReleaseClientException;
import dev.fuse.release.contract.Failures;
import dev.fuse.release.contract.model.InvalidRequestException;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;

/**
 * The one line a page shows when a decision or a read did not go through: the workflow
 * validator's own refusal (the same words the CLI prints), or what the client said.
 */
final class Refusals {
    private Refusals() {}

    static String message(Throwable e) {
        if (e instanceof WorkflowUpdateException u && u.getCause() instanceof ApplicationFailure app) {
            return "refused: " + app.getOriginalMessage();
        }
        if (e instanceof InvalidRequestException r) return String.join("; ", r.problems());
        if (e instanceof ReleaseClientException c) return c.getMessage();
        if (e instanceof WorkflowException w) return Failures.rootMessage(w);
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Whether the release does not exist (a 404 rather than a 503). */
    static boolean notFound(Throwable e) {
        return e instanceof ReleaseClientException c && c.kind() == ReleaseClientException.Kind.NOT_FOUND;
    }
}
