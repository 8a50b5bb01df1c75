package dev.fuse.release.workflow;

import dev.fuse.release.model.Artifact;
import dev.fuse.release.model.Evidence;
import dev.fuse.release.model.MeasureResult;
import dev.fuse.release.model.ParityResult;
import dev.fuse.release.model.ReproducibilityResult;
import dev.fuse.release.model.StepResult;
import dev.fuse.release.model.TargetBuildResult;
import dev.fuse.release.model.VerifyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A target pipeline's evidence: what was built and staged, what verification found, and the
 * reproducibility comparison (null when the recipe does not ask for one), and the SLO evidence
 * (null for releases planned without a contract).
 */
public record TargetPipelineResult(
        TargetBuildResult build,
        VerifyResult verify,
        ReproducibilityResult reproducibility,
        MeasureResult measure,
        ParityResult parity) {

    /** Build logs and diff reports of this target, for the provenance statement. */
    public List<Evidence> evidence() {
        List<Evidence> files = new ArrayList<>();
        for (StepResult step : build.steps()) {
            if (step.log() != null) files.add(new Evidence(step.log().key(), step.log()));
        }
        if (parity != null && parity.report() != null) {
            files.add(new Evidence(parity.report().key(), parity.report()));
        }
        if (reproducibility != null) {
            for (ReproducibilityResult.ArtifactComparison c : reproducibility.comparisons()) {
                if (c.diffReport() != null)
                    files.add(new Evidence(c.diffReport().key(), c.diffReport()));
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
                        .map(c -> a.withReproducibility(c.reproduced() ? Artifact.REPRODUCED : Artifact.MISMATCH))
                        .orElse(a))
                .toList();
    }
}
