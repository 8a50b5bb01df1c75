package dev.fuse.release.model;

import java.util.List;

/**
 * Everything the evidence report shows: the plan, the gate table and every target's figures.
 *
 * @param targetRecords the targets' kept pipeline results; when given, the figures and the gate
 *     table are derived from them (the same pure evaluation the workflow made) and {@code gates}
 *     and {@code evidence} are empty
 */
public record SloReportRequest(
        ReleasePlan plan, GateReport gates, List<TargetEvidence> evidence, List<TargetRecordRef> targetRecords) {
    public SloReportRequest {
        evidence = List.copyOf(evidence);
        targetRecords = targetRecords == null ? List.of() : List.copyOf(targetRecords);
    }

    /** A request that carries the figures itself. */
    public SloReportRequest(ReleasePlan plan, GateReport gates, List<TargetEvidence> evidence) {
        this(plan, gates, evidence, List.of());
    }
}
