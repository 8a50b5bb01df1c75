package dev.fuse.release.contract.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A target pipeline's evidence: what was built and staged, what verification found, and the
 * reproducibility comparison (null when the recipe does not ask for one), and the SLO evidence
 * (null for releases planned without a contract).
 *
 * @param record where this result is kept in staging (see {@link TargetRecordRef}); null in the
 *     record itself and in pipelines that predate records
 */
public record TargetPipelineResult(
        TargetBuildResult build,
        VerifyResult verify,
        ReproducibilityResult reproducibility,
        MeasureResult measure,
        ParityResult parity,
        TargetRecordRef record) {

    public TargetPipelineResult(
            TargetBuildResult build,
            VerifyResult verify,
            ReproducibilityResult reproducibility,
            MeasureResult measure,
            ParityResult parity) {
        this(build, verify, reproducibility, measure, parity, null);
    }

    public TargetPipelineResult withRecord(TargetRecordRef kept) {
        return new TargetPipelineResult(build, verify, reproducibility, measure, parity, kept);
    }

    /** The figures the SLO gates judge this target by. */
    public TargetEvidence targetEvidence() {
        return new TargetEvidence(build.target(), measure, parity, verify.runtime());
    }

    /** Build logs, the parity report and diff reports of this target, for the provenance statement. */
    public List<ArtifactRef> evidence() {
        List<ArtifactRef> files = new ArrayList<>();
        for (StepResult step : build.steps()) {
            if (step.log() != null) files.add(step.log());
        }
        if (parity != null && parity.report() != null) {
            files.add(parity.report());
        }
        if (reproducibility != null) {
            for (ReproducibilityResult.ArtifactComparison c : reproducibility.comparisons()) {
                if (c.diffReport() != null) files.add(c.diffReport());
            }
        }
        return files;
    }

    /** The staged artifacts with their reproducibility verdicts. */
    public List<Artifact> artifacts() {
        if (reproducibility == null) {
            return build.artifacts();
        }
        return build.artifacts().stream()
                .map(a -> reproducibility.comparisons().stream()
                        .filter(c -> c.name().equals(a.name()))
                        .findFirst()
                        .map(c -> a.withReproducibility(
                                c.reproduced() ? Reproducibility.REPRODUCED : Reproducibility.MISMATCH))
                        .orElse(a))
                .toList();
    }
}
