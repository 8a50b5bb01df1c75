package dev.fuse.release.doctor;

import static dev.fuse.release.contract.SearchAttributes.AWAITING_APPROVAL;
import static dev.fuse.release.contract.SearchAttributes.COMMIT;
import static dev.fuse.release.contract.SearchAttributes.FAILED_TARGETS;
import static dev.fuse.release.contract.SearchAttributes.PHASE;
import static dev.fuse.release.contract.SearchAttributes.VERSION;

import dev.fuse.release.client.TemporalConnection;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * For servers that cannot list search attributes (Temporal's Java test server): starts a probe
 * workflow that sets every attribute with its type, which the server refuses when one is missing
 * or typed otherwise, and terminates it at once. No worker serves its queue, so nothing runs.
 */
final class SearchAttributeProbe {
    static final String TASK_QUEUE = "fuse-release-doctor-probe";

    private SearchAttributeProbe() {}

    static Finding probe(TemporalConnection connection) {
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowId("fuse-release-doctor-probe-" + UUID.randomUUID())
                .setWorkflowExecutionTimeout(Duration.ofMinutes(1))
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(VERSION, "0.0.0-doctor")
                        .set(PHASE, "DOCTOR")
                        .set(COMMIT, "doctor")
                        .set(FAILED_TARGETS, List.of("doctor"))
                        .set(AWAITING_APPROVAL, false)
                        .build())
                .build();
        WorkflowStub stub = connection.client().newUntypedWorkflowStub("FuseReleaseDoctorProbe", options);
        try {
            stub.start();
        } catch (WorkflowServiceException e) {
            return Finding.fail(
                    TemporalChecks.ATTRIBUTES,
                    "the server refused a workflow that sets them: " + Messages.rootMessage(e),
                    Messages.SETUP_FIX);
        }
        stub.terminate("fuse-release doctor: search attribute probe");
        return Finding.ok(
                TemporalChecks.ATTRIBUTES, "all 5 accepted by a probe workflow (this server cannot list them)");
    }
}
