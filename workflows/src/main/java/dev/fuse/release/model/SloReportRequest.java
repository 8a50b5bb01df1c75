package dev.fuse.release.model;

import java.util.List;

/** Everything the evidence report shows: the plan, the gate table and every target's figures. */
public record SloReportRequest(ReleasePlan plan, GateReport gates, List<TargetEvidence> evidence) {
    public SloReportRequest {
        evidence = List.copyOf(evidence);
    }
}
