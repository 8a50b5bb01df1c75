package dev.fuse.release.activities;

import dev.fuse.release.activity.MetadataActivities;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.model.ArtifactRef;
import dev.fuse.release.model.MetadataRequest;
import dev.fuse.release.model.MetadataResult;
import dev.fuse.release.storage.ArtifactStore;

/** Writes the deterministic metadata to the run's staging prefix (overwritable by the same run). */
public class MetadataActivitiesImpl implements MetadataActivities {
  private final ArtifactStore store;

  public MetadataActivitiesImpl(ArtifactStore store) {
    this.store = store;
  }

  @Override
  public MetadataResult generate(MetadataRequest request) {
    try {
      String prefix = request.plan().stagingPrefix();
      byte[] manifest = ReleaseMetadata.manifest(request.plan(), request.artifacts());
      ArtifactRef manifestRef = store.putBytes(prefix + ReleaseMetadata.MANIFEST, manifest, "application/json");
      byte[] sums = ReleaseMetadata.checksums(request.artifacts(), manifestRef.sha256());
      ArtifactRef sumsRef = store.putBytes(prefix + ReleaseMetadata.CHECKSUMS, sums, "text/plain; charset=utf-8");
      return new MetadataResult(manifestRef, sumsRef);
    } catch (Exception e) {
      throw ActivityFailures.toFailure(e);
    }
  }
}
