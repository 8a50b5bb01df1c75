package dev.fuse.release.model;

import java.util.List;

/** Everything the deterministic metadata is derived from: the plan and the staged artifacts. */
public record MetadataRequest(ReleasePlan plan, List<Artifact> artifacts) {
  public MetadataRequest {
    artifacts = List.copyOf(artifacts);
  }
}
