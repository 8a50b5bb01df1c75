package dev.fuse.release.report;

import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.GateReport;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.TargetEvidence;
import java.util.List;

/**
 * What the evidence reports show: the plan, the gate table, every target's figures and the staged
 * artifacts (their sizes are compared with the previous release's), as read back from the
 * targets' kept records ({@code TargetRecords}).
 */
public record SloFigures(ReleasePlan plan, GateReport gates, List<TargetEvidence> evidence, List<Artifact> artifacts) {
    public SloFigures {
        evidence = List.copyOf(evidence);
        artifacts = List.copyOf(artifacts);
    }

    /** Figures without artifacts (reports of figures alone, in tests). */
    public SloFigures(ReleasePlan plan, GateReport gates, List<TargetEvidence> evidence) {
        this(plan, gates, evidence, List.of());
    }
}
