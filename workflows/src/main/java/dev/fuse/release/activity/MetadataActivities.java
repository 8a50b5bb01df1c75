package dev.fuse.release.activity;

import dev.fuse.release.model.MetadataRequest;
import dev.fuse.release.model.MetadataResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes SHA256SUMS and release-artifacts.json to staging; same input, same bytes. */
@ActivityInterface
public interface MetadataActivities {
  @ActivityMethod(name = "GenerateMetadata")
  MetadataResult generate(MetadataRequest request);
}
