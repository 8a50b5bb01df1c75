package dev.fuse.release.workflow;

import dev.fuse.release.contract.TaskQueues;
import io.temporal.workflow.Workflow;

/**
 * Where the work that signs runs (publication, rollback). Runs recorded before the signer had a
 * queue of its own scheduled it on the orchestrator's and replay the same; every run that reaches
 * the point now, including one that waited for approval across the upgrade, asks the signer.
 */
final class SignerQueue {
    private SignerQueue() {}

    /** Asked right before the signing activity is scheduled, so the marker sits where the change is. */
    static String current() {
        return Workflow.getVersion("signer-queue", Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
                ? TaskQueues.ORCHESTRATOR
                : TaskQueues.SIGNER;
    }
}
