package dev.fuse.release.workflow;

import dev.fuse.release.model.Artifact;
import dev.fuse.release.model.ReproducibilityResult;
import dev.fuse.release.model.TargetBuildResult;
import dev.fuse.release.model.VerifyResult;
import java.util.List;

/**
 * A target pipeline's evidence: what was built and staged, what verification found, and the
 * reproducibility comparison (null when the recipe does not ask for one).
 */
public record TargetPipelineResult(TargetBuildResult build, VerifyResult verify, ReproducibilityResult reproducibility) {

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
