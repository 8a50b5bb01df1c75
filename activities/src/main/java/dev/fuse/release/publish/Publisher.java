package dev.fuse.release.publish;

import dev.fuse.release.build.ArtifactPackager;
import dev.fuse.release.build.Workspace;
import dev.fuse.release.model.ArchiveFormat;
import dev.fuse.release.packaging.ArchiveVerifier;
import dev.fuse.release.packaging.BadArchiveException;
import dev.fuse.release.failure.PipelineException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.ReleaseContract;
import dev.fuse.release.metadata.CanonicalJson;
import dev.fuse.release.metadata.Provenance;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.model.Artifact;
import dev.fuse.release.model.ArtifactRef;
import dev.fuse.release.model.PublishRequest;
import dev.fuse.release.model.PublishResult;
import dev.fuse.release.model.ReleasePlan;
import dev.fuse.release.policy.ArtifactOrder;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.workflow.FailureType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes a staged release. Order matters: artifacts first, then the provenance statement,
 * the manifest, SHA256SUMS, and last the latest pointer. A reader who finds SHA256SUMS therefore finds everything
 * it lists; an interrupted publish leaves no manifest and is completed by the retry, because
 * every write is write-once and idempotent for identical bytes.
 */
public final class Publisher {
  private final ArtifactStore store;
  private final Path workRoot;

  public Publisher(ArtifactStore store, Path workRoot) {
    this.store = store;
    this.workRoot = workRoot;
  }

  public PublishResult publish(PublishRequest request, Runnable heartbeat) throws IOException {
    ReleasePlan plan = request.plan();
    List<String> emulated = request.artifacts().stream().filter(a -> a.host().emulated()).map(Artifact::name).toList();
    if (!emulated.isEmpty() && !plan.allowEmulatedPublish()) {
      throw new PipelineException(
          FailureType.POLICY_VIOLATION, "refusing to publish emulated builds " + emulated + " under this worker's policy");
    }
    String prefix = StoreLayout.releasePrefix(plan.version());
    List<ArtifactRef> published = new ArrayList<>();
    try (Workspace ws = Workspace.create(workRoot, "publish-" + plan.version())) {
      for (Artifact artifact : ArtifactOrder.sorted(request.artifacts())) {
        heartbeat.run();
        published.add(copyVerified(artifact.ref(), prefix + artifact.name(), ws.root(), artifact));
      }
      heartbeat.run();
      for (ArtifactRef report : request.reports()) {
        published.add(copyVerified(report, prefix + report.key().substring(report.key().lastIndexOf('/') + 1), ws.root(), null));
      }
      String contractKey = plan.stagingPrefix() + ReleaseContract.FILE_NAME;
      Optional<ArtifactStore.ObjectInfo> contract = store.head(contractKey);
      if (contract.isPresent() && contract.get().sha256() != null) {
        ArtifactRef staged = new ArtifactRef(store.bucket(), contractKey, contract.get().sha256(), contract.get().size());
        published.add(copyVerified(staged, prefix + ReleaseContract.FILE_NAME, ws.root(), null));
      }
      published.add(store.putBytesIfAbsent(prefix + APPROVAL, approvalRecord(request), "application/json"));
      if (request.metadata().provenance() != null) {
        published.add(copyVerified(request.metadata().provenance(), prefix + Provenance.FILE_NAME, ws.root(), null));
      }
      published.add(copyVerified(request.metadata().manifest(), prefix + ReleaseMetadata.MANIFEST, ws.root(), null));
      published.add(copyVerified(request.metadata().checksums(), prefix + ReleaseMetadata.CHECKSUMS, ws.root(), null));
    }
    boolean moved = new LatestPointer(store).moveForward(
        plan.version(), plan.commit(), prefix + ReleaseMetadata.MANIFEST, request.metadata().manifest().sha256());
    return new PublishResult(prefix, published, moved);
  }

  static final String APPROVAL = "approval.json";

  /**
   * Who approved what: the decision bound to the digests of the manifest and of the evidence
   * reports that were in front of the approver.
   */
  static byte[] approvalRecord(PublishRequest request) {
    ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
    root.put("version", request.plan().version());
    root.put("commit", request.plan().commit());
    root.put("approver", request.approval().approver());
    root.put("comment", request.approval().comment());
    root.put("manifestSha256", request.metadata().manifest().sha256());
    ArrayNode reports = root.putArray("evidence");
    for (ArtifactRef r : request.reports()) {
      ObjectNode n = reports.addObject();
      n.put("name", r.key().substring(r.key().lastIndexOf('/') + 1));
      n.put("sha256", r.sha256());
    }
    return CanonicalJson.write(root).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The last integrity check before an archive becomes public: the same one verification ran. */
  private static void verifyArchive(Path local, Artifact a) {
    ArchiveFormat container = a.format().container();
    try {
      ArchiveVerifier.verify(local, container, ArtifactPackager.rootOf(a.name(), a.format()), a.members(), a.executable());
    } catch (BadArchiveException e) {
      throw new PipelineException(FailureType.BAD_ARCHIVE, "refusing to publish: " + e.getMessage(), e);
    }
  }

  /**
   * Staging copy -> local file (digest checked) -> write-once put -> read back and check again.
   * The read-back is what makes "published digests re-verified" true of the bytes at rest.
   */
  private ArtifactRef copyVerified(ArtifactRef staged, String key, Path scratch, Artifact archive) throws IOException {
    Path local = scratch.resolve(archive == null ? "object" : archive.name());
    Path check = scratch.resolve("check");
    try {
      store.download(staged, local);
      if (archive != null) {
        verifyArchive(local, archive);
      }
      ArtifactRef written = store.putFileIfAbsent(key, local);
      store.download(written, check);
      return written;
    } catch (StoreException e) {
      if (e.kind() == StoreException.Kind.CONFLICT) {
        throw new PipelineException(FailureType.ALREADY_PUBLISHED, e.getMessage(), e);
      }
      if (e.kind() == StoreException.Kind.DIGEST_MISMATCH) {
        throw new PipelineException(FailureType.DIGEST_MISMATCH, e.getMessage(), e);
      }
      throw e;
    } finally {
      java.nio.file.Files.deleteIfExists(local);
      java.nio.file.Files.deleteIfExists(check);
    }
  }
}
