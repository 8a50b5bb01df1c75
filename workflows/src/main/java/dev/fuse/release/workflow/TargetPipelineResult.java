package dev.fuse.release.workflow;

import dev.fuse.release.model.TargetBuildResult;
import dev.fuse.release.model.VerifyResult;

/** A target pipeline's evidence: what was built and staged, and what verification found. */
public record TargetPipelineResult(TargetBuildResult build, VerifyResult verify) {}
