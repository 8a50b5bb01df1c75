package dev.fuse.release.contract.model;

import java.util.List;

/**
 * What the evidence report is written from: the plan (its SLO table) and every target's kept
 * pipeline result, from which the report reads the figures and evaluates the same gate table the
 * workflow did.
 */
public record SloReportRequest(ReleasePlan plan, List<TargetRecordRef> targetRecords) {
    public SloReportRequest {
        targetRecords = List.copyOf(targetRecords);
    }
}
