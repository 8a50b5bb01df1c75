package dev.fuse.release.report;

import dev.fuse.release.contract.model.GateReport;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.TargetEvidence;
import java.util.List;

/**
 * What the evidence reports show: the plan, the gate table and every target's figures, as read
 * back from the targets' kept records ({@code TargetRecords}).
 */
public record SloFigures(ReleasePlan plan, GateReport gates, List<TargetEvidence> evidence) {
    public SloFigures {
        evidence = List.copyOf(evidence);
    }
}
