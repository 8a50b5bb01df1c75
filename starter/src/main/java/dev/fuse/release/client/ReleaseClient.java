package dev.fuse.release.client;

import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.model.ApprovalDecision;
import dev.fuse.release.model.ReleaseRequest;
import dev.fuse.release.model.ReleaseStatus;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.workflow.ReleaseWorkflow;
import dev.fuse.release.workflow.SearchAttributes;
import dev.fuse.release.workflow.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes.Builder;
import io.temporal.workflow.Functions;

/** What a release manager does to releases, over Temporal and the bucket. Used by CLI and demo. */
public final class ReleaseClient {
  private final TemporalConnection temporal;
  private final ArtifactStore store;

  public ReleaseClient(TemporalConnection temporal, ArtifactStore store) {
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
    store.checkAccess();
    if (store.exists(StoreLayout.releasePrefix(request.version()) + ReleaseMetadata.MANIFEST)) {
      throw new ReleaseConflictException("version " + request.version() + " is already published at s3://"
          + store.bucket() + "/" + StoreLayout.releasePrefix(request.version()) + "; choose a new --version");
    }
    Builder attributes = io.temporal.common.SearchAttributes.newBuilder()
        .set(SearchAttributes.VERSION, request.version());
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setWorkflowId(request.workflowId())
        .setTaskQueue(TaskQueues.ORCHESTRATOR)
        // A failed or rejected release may be started again; a running or published one may not.
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
        .setTypedSearchAttributes(attributes.build())
        .setStaticSummary("Fuse " + request.version() + " from " + request.revision() + " for " + String.join(", ", request.targets()))
        .setStaticDetails("requested by " + request.requestedBy() + "\n\nrepository: " + request.repository())
        .build();
    ReleaseWorkflow workflow = temporal.client().newWorkflowStub(ReleaseWorkflow.class, options);
    try {
      var execution = io.temporal.client.WorkflowClient.start((Functions.Func1<ReleaseRequest, ReleaseStatus>) workflow::run, request);
      return new Started(execution.getWorkflowId(), execution.getRunId());
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new ReleaseConflictException("a release of " + request.version() + " is already running or has completed ("
          + request.workflowId() + "); watch it with ./fuse-release watch " + request.version()
          + ", or choose a new --version");
    }
  }

  public ReleaseStatus status(String version) {
    return stub(version).status();
  }

  public ReleaseStatus approve(String version, ApprovalDecision decision) {
    requireRunning(version);
    return stub(version).approve(decision);
  }

  public ReleaseStatus reject(String version, ApprovalDecision decision) {
    requireRunning(version);
    return stub(version).reject(decision);
  }

  /** A closed release takes no decisions; say so plainly rather than as a server error. */
  private void requireRunning(String version) {
    String execution = executionStatus(version);
    if (!execution.equals("RUNNING")) {
      throw new ReleaseConflictException("release " + version + " has ended (" + execution
          + ") and takes no more decisions; see ./fuse-release status " + version);
    }
  }

  /** Whether the execution is still running, completed or failed (terminal status name). */
  public String executionStatus(String version) {
    try {
      WorkflowExecutionDescription d = temporal.client().newUntypedWorkflowStub(workflowId(version)).describe();
      WorkflowExecutionStatus s = d.getStatus();
      return s.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    } catch (WorkflowNotFoundException e) {
      throw notFound(version);
    }
  }

  public WorkflowStub untyped(String version) {
    return temporal.client().newUntypedWorkflowStub(workflowId(version));
  }

  private ReleaseWorkflow stub(String version) {
    return temporal.client().newWorkflowStub(ReleaseWorkflow.class, workflowId(version));
  }

  public static String workflowId(String version) {
    return "fuse-release-" + version;
  }

  public static ReleaseNotFoundException notFound(String version) {
    return new ReleaseNotFoundException("no release " + version + " on this Temporal server (" + workflowId(version)
        + "); list releases with ./fuse-release list");
  }

  public ArtifactStore store() {
    return store;
  }

  public TemporalConnection temporal() {
    return temporal;
  }

  /** The release exists and its state forbids the request. */
  public static final class ReleaseConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseConflictException(String message) {
      super(message);
    }
  }

  /** No such release. */
  public static final class ReleaseNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseNotFoundException(String message) {
      super(message);
    }
  }
}
