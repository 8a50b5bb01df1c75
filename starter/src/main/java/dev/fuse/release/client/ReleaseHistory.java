package dev.fuse.release.client;

import dev.fuse.release.contract.model.ApprovalDecision;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DataConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a release's Temporal history says, for audits that compare it with the bucket. */
public final class ReleaseHistory {
    private final TemporalConnection temporal;

    public ReleaseHistory(TemporalConnection temporal) {
        this.temporal = temporal;
    }

    /**
     * The manifest digests that accepted approve Updates named, from the release's history (the
     * run that published it): what the approvers bound their decisions to.
     */
    public List<String> approvedManifests(String version, String runId) {
        List<String> digests = new ArrayList<>();
        var history = temporal.client()
                .fetchHistory(ReleaseClient.workflowId(version), runId == null || runId.isBlank() ? null : runId);
        DataConverter converter = temporal.client().getOptions().getDataConverter();
        for (HistoryEvent event : history.getEvents()) {
            if (!event.hasWorkflowExecutionUpdateAcceptedEventAttributes()) continue;
            var input = event.getWorkflowExecutionUpdateAcceptedEventAttributes()
                    .getAcceptedRequest()
                    .getInput();
            if (!input.getName().equals("approve")) continue;
            ApprovalDecision d = converter.fromPayloads(
                    0, Optional.of(input.getArgs()), ApprovalDecision.class, ApprovalDecision.class);
            digests.add(d.manifestSha256());
        }
        return digests;
    }
}
