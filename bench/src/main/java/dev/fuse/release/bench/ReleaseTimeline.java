package dev.fuse.release.bench;

import dev.fuse.release.contract.SearchAttributes;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A release's own wall time read from its history, by the server's clock: from the workflow's
 * start to the moment it began waiting for approval, plus from the approval's arrival to its end.
 * Read after the fact, so the benchmark needs no tight status polling to time the release: polling
 * `status` every 50 ms, as B2 did, made the worker answer twenty queries a second and the test
 * server serve them, CPU that B2 then reported as the pipeline's own.
 */
final class ReleaseTimeline {
    private static final String AWAITING = "AWAITING_APPROVAL";

    private ReleaseTimeline() {}

    /** Milliseconds of the release's own work, the approval wait left out. */
    static double withoutApprovalWait(WorkflowClient client, String workflowId) {
        List<HistoryEvent> events = client.fetchHistory(workflowId).getEvents();
        long start = millis(events.get(0));
        long waitBegan = -1;
        long approved = -1;
        for (HistoryEvent e : events) {
            if (waitBegan < 0 && entersApproval(e)) waitBegan = millis(e);
            if (waitBegan >= 0 && approved < 0 && isDecision(e)) approved = millis(e);
        }
        if (waitBegan < 0 || approved < 0) {
            throw new IllegalStateException(workflowId + " has no approval wait and decision in its history");
        }
        long end = millis(events.get(events.size() - 1));
        return (waitBegan - start) + (end - approved);
    }

    /** The phase search attribute set to AWAITING_APPROVAL. */
    private static boolean entersApproval(HistoryEvent e) {
        if (!e.hasUpsertWorkflowSearchAttributesEventAttributes()) return false;
        Payload phase = e.getUpsertWorkflowSearchAttributesEventAttributes()
                .getSearchAttributes()
                .getIndexedFieldsMap()
                .get(SearchAttributes.PHASE.getName());
        return phase != null && phase.getData().toString(StandardCharsets.UTF_8).contains(AWAITING);
    }

    /** An approval arrives as an update (or, from older clients, a signal). */
    private static boolean isDecision(HistoryEvent e) {
        return e.hasWorkflowExecutionUpdateAcceptedEventAttributes() || e.hasWorkflowExecutionSignaledEventAttributes();
    }

    static long millis(HistoryEvent e) {
        return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
    }
}
