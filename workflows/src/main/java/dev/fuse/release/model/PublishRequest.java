package dev.fuse.release.model;

import java.util.List;

/** Staged artifacts and metadata to publish, and who approved them. */
public record PublishRequest(
    ReleasePlan plan, List<Artifact> artifacts, MetadataResult metadata, ApprovalDecision approval) {
  public PublishRequest {
    artifacts = List.copyOf(artifacts);
  }
}
