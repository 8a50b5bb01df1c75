package dev.fuse.release.client;

import static dev.fuse.release.contract.SearchAttributes.PHASE;
import static dev.fuse.release.contract.SearchAttributes.VERSION;

import dev.fuse.release.contract.ReleaseWorkflow;
import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.publish.PublicationState;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.common.SearchAttributes.Builder;
import io.temporal.workflow.Functions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** What a release manager does to releases, over Temporal and the bucket. Used by CLI and demo. */
public final class ReleaseClient {
    private final TemporalConnection temporal;
    private final Supplier<ArtifactStore> store;

    public ReleaseClient(TemporalConnection temporal, ArtifactStore store) {
        this(temporal, () -> store);
    }

    /**
     * @param store made on first use: most commands ask Temporal only, and an S3 client costs a
     *     cold command most of a second (its trust store and endpoint metadata)
     */
    public ReleaseClient(TemporalConnection temporal, Supplier<ArtifactStore> store) {
        this.temporal = temporal;
        this.store = store;
    }

    /** The started execution. */
    public record Started(String workflowId, String runId) {}

    /**
     * Starts a release. Refused, before anything is written, when the version is already
     * published, or when a release of it is running or completed.
     */
    public Started start(ReleaseRequest request) {
        ArtifactStore store = store();
        store.checkAccess();
        if (PublicationState.of(store, request.version()).published()) {
            throw new ReleaseClientException(
                    ReleaseClientException.Kind.CONFLICT,
                    "version " + request.version() + " is already published at s3://" + store.bucket() + "/"
                            + StoreLayout.releasePrefix(request.version()) + "; choose a new --version");
        }
        Builder attributes = SearchAttributes.newBuilder().set(VERSION, request.version());
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setWorkflowId(request.workflowId())
                .setTaskQueue(TaskQueues.ORCHESTRATOR)
                // A failed or rejected release may be started again; a running or published one may not.
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                .setTypedSearchAttributes(attributes.build())
                .setStaticSummary("Fuse " + request.version() + " from " + request.revision() + " for "
                        + String.join(", ", request.targets()))
                .setStaticDetails("requested by " + request.requestedBy() + "\n\nrepository: " + request.repository())
                .build();
        ReleaseWorkflow workflow = temporal.client().newWorkflowStub(ReleaseWorkflow.class, options);
        try {
            var execution =
                    WorkflowClient.start((Functions.Func1<ReleaseRequest, ReleaseStatus>) workflow::run, request);
            return new Started(execution.getWorkflowId(), execution.getRunId());
        } catch (WorkflowExecutionAlreadyStarted e) {
            throw new ReleaseClientException(
                    ReleaseClientException.Kind.CONFLICT,
                    "a release of " + request.version() + " is already running or has completed ("
                            + request.workflowId() + "); watch it with ./fuse-release watch " + request.version()
                            + ", or choose a new --version");
        }
    }

    /**
     * The release state from its {@code status} query. A release no worker has picked up cannot
     * answer a query (the call would hang until the server gives up), so that case is told first.
     */
    /** Ten seconds: far longer than a worker takes for a first workflow task, far shorter than a hung query. */
    private static final int FIRST_TASK_POLLS = 40;

    public ReleaseStatus status(String version) {
        Execution execution = execution(version);
        // A release started a moment ago has not had its first workflow task yet.
        for (int i = 0;
                i < FIRST_TASK_POLLS
                        && execution.phase() == null
                        && execution.status().equals("RUNNING");
                i++) {
            sleep(250);
            execution = execution(version);
        }
        if (execution.phase() == null) {
            if (execution.status().equals("RUNNING")) throw PlanningWait.notPickedUp(temporal, version);
            throw new ReleaseClientException(
                    ReleaseClientException.Kind.NEVER_RAN,
                    "release " + version + " ended (" + execution.status()
                            + ") before any worker picked it up; nothing was built. Start it again with ./fuse-release start");
        }
        return stub(version).status();
    }

    /** How planning ended: the release went on to build, or planning failed (type and message). */
    public record Planned(boolean ok, String phase, String failureType, String failure) {}

    /** Waits until the release has left planning, bounded in time (see {@link PlanningWait}). */
    public Planned awaitPlanning(String version, Duration pickup, Duration planning) {
        return new PlanningWait(this).await(version, pickup, planning);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the release", e);
        }
    }

    public ReleaseStatus approve(String version, ApprovalDecision decision) {
        return running(version).approve(decision);
    }

    /** The whole status after the retry (the update's own reply is a summary). */
    public ReleaseStatus retry(String version, OperatorRequests.Retry retry) {
        running(version).retryTarget(retry);
        return stub(version).status();
    }

    public ReleaseStatus abandon(String version, OperatorRequests.Abandon abandon) {
        running(version).abandon(abandon);
        return stub(version).status();
    }

    /**
     * The policy-checked cancel Update first (it records who and why, or refuses), then Temporal's
     * cancellation: running activities are cancelled, the target pipelines end with the release.
     */
    public void cancel(String version, OperatorRequests.Cancel request) {
        running(version).cancel(request);
        untyped(version).cancel();
    }

    public ReleaseStatus reject(String version, ApprovalDecision decision) {
        return running(version).reject(decision);
    }

    /** The release's stub, if it still runs: a closed release takes no decisions, said plainly. */
    private ReleaseWorkflow running(String version) {
        String execution = executionStatus(version);
        if (!execution.equals("RUNNING")) {
            throw new ReleaseClientException(
                    ReleaseClientException.Kind.CONFLICT,
                    "release " + version + " has ended (" + execution
                            + ") and takes no more decisions; see ./fuse-release status " + version);
        }
        return stub(version);
    }

    /** Whether the execution is still running, completed or failed (terminal status name). */
    public String executionStatus(String version) {
        return execution(version).status();
    }

    /** The execution's status and the release phase it last recorded (a search attribute; null if none). */
    public record Execution(String status, String phase) {}

    /**
     * Read with describe, which needs no worker: the phase search attribute tells a rejected release
     * from a failed one, and works for closed releases whose workers are gone.
     */
    public Execution execution(String version) {
        try {
            WorkflowExecutionDescription d = temporal.client()
                    .newUntypedWorkflowStub(workflowId(version))
                    .describe();
            WorkflowExecutionStatus s = d.getStatus();
            String phase = d.getTypedSearchAttributes().get(PHASE);
            return new Execution(s.name().replace("WORKFLOW_EXECUTION_STATUS_", ""), phase);
        } catch (WorkflowNotFoundException e) {
            throw notFound(version);
        }
    }

    /** The run id of the version's current (or last) execution, if Temporal knows the release. */
    public Optional<String> currentRunId(String version) {
        try {
            return Optional.of(untyped(version).describe().getExecution().getRunId());
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        }
    }

    public WorkflowStub untyped(String version) {
        return temporal.client().newUntypedWorkflowStub(workflowId(version));
    }

    private ReleaseWorkflow stub(String version) {
        return temporal.client().newWorkflowStub(ReleaseWorkflow.class, workflowId(version));
    }

    public static String workflowId(String version) {
        return ReleaseRequest.workflowIdOf(version);
    }

    public static ReleaseClientException notFound(String version) {
        return new ReleaseClientException(
                ReleaseClientException.Kind.NOT_FOUND,
                "no release " + version + " on this Temporal server (" + workflowId(version)
                        + "); list releases with ./fuse-release list");
    }

    public ArtifactStore store() {
        return store.get();
    }

    public TemporalConnection temporal() {
        return temporal;
    }

    /** Rolling back published versions: the rollback workflows. */
    public Rollbacks rollbacks() {
        return new Rollbacks(temporal, store());
    }
}
