package dev.fuse.release.client;

import dev.fuse.release.contract.RollbackWorkflow;
import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
import dev.fuse.release.storage.ArtifactStore;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.Optional;

/** Rollbacks of published versions: each one a {@code fuse-rollback-<version>} workflow. */
public final class Rollbacks {
    private final TemporalConnection temporal;
    private final ArtifactStore store;

    Rollbacks(TemporalConnection temporal, ArtifactStore store) {
        this.temporal = temporal;
        this.store = store;
    }

    /**
     * Runs a rollback workflow ({@code fuse-rollback-<version>}) and waits for it: it only writes a
     * marker and moves a pointer. A refused rollback (not published, not latest) fails it, typed.
     */
    public RollbackResult run(RollbackRequest request) {
        store.checkAccess();
        // A yank is final; without this the finished rollback's workflow id would answer with its old result.
        ReleaseDownload.yanked(store, request.version()).ifPresent(why -> {
            throw new ReleaseClientException(
                    ReleaseClientException.Kind.CONFLICT,
                    why + "; a yank is final. To move latest, roll back the version it"
                            + " names now, or publish a new version");
        });
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setWorkflowId(request.workflowId())
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                // A refused rollback may be asked again; one that happened stays the record.
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                // Bounded: the CLI waits for the result, and a rollback is two small writes.
                .setWorkflowExecutionTimeout(Duration.ofMinutes(10))
                .setStaticSummary(
                        "Roll back Fuse " + request.version() + (request.to() == null ? "" : " to " + request.to()))
                .setStaticDetails("by " + request.operator() + ": " + request.reason())
                .build();
        RollbackWorkflow workflow = temporal.client().newWorkflowStub(RollbackWorkflow.class, options);
        try {
            return workflow.run(request);
        } catch (WorkflowExecutionAlreadyStarted e) {
            throw new ReleaseClientException(
                    ReleaseClientException.Kind.CONFLICT,
                    "release " + request.version() + " was already rolled back (" + request.workflowId()
                            + "); see ./fuse-release status " + request.version());
        }
    }

    /** How the rollback workflow of {@code version} ended (COMPLETED, FAILED, ...), or empty if Temporal has none. */
    public Optional<String> status(String version) {
        try {
            return Optional.of(temporal.client()
                    .newUntypedWorkflowStub("fuse-rollback-" + version)
                    .describe()
                    .getStatus()
                    .name()
                    .replace("WORKFLOW_EXECUTION_STATUS_", ""));
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        }
    }
}
