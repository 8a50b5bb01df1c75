package dev.fuse.release.contract.model;

import java.util.Objects;

/** One target's finished pipeline, to be kept in the run's staging prefix. */
public record RecordTargetRequest(String stagingPrefix, Target target, TargetPipelineResult result) {
    public RecordTargetRequest {
        Objects.requireNonNull(stagingPrefix, "stagingPrefix");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(result, "result");
    }
}
