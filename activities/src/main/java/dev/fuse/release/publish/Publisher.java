package dev.fuse.release.publish;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.contract.model.PublishResult;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.metadata.Provenance;
import dev.fuse.release.metadata.ReleaseDocuments;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.policy.ArtifactOrder;
import dev.fuse.release.policy.EmulationPolicy;
import dev.fuse.release.signing.ReleaseSignatures;
import dev.fuse.release.signing.ReleaseSigningKey;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.ObjectInfo;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.storage.Uploads;
import dev.fuse.release.support.Failpoints;
import dev.fuse.release.support.Sha256;
import dev.fuse.release.support.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes a staged release in two phases. First everything that will become public is fetched
 * from staging, checked against its digest (archives verified again) and every public key is
 * checked for a conflicting object: a failure here has written nothing. Then the objects are
 * written write-once in an order a reader can rely on: artifacts and the contract, the run's
 * evidence (with the signed provenance envelope), the manifest, {@code SHA256SUMS} with its
 * signature and the signer's {@code allowed_signers} line, and last {@code PUBLISHED.json}, before the latest
 * pointer moves. A retry or a later run of the same revision finds identical bytes and goes on.
 */
public final class Publisher {
    private final ArtifactStore store;
    private final Path workRoot;
    private final ReleaseSigningKey signingKey;
    private final Clock clock;

    /** @param signingKey the orchestrator's release key: it signs SHA256SUMS, the provenance and the ledger */
    public Publisher(ArtifactStore store, Path workRoot, ReleaseSigningKey signingKey) {
        this(store, workRoot, signingKey, Clock.systemUTC());
    }

    public Publisher(ArtifactStore store, Path workRoot, ReleaseSigningKey signingKey, Clock clock) {
        this.store = store;
        this.workRoot = workRoot;
        this.signingKey = Objects.requireNonNull(signingKey, "a release signing key");
        this.clock = clock;
    }

    public PublishResult publish(PublishRequest request, Runnable heartbeat) throws IOException {
        ReleasePlan plan = request.plan();
        EmulationPolicy.violation(request.artifacts(), plan.allowEmulatedPublish())
                .ifPresent(why -> {
                    throw new PipelineException(FailureType.POLICY_VIOLATION, "refusing to publish: " + why);
                });
        List<ArtifactRef> published = new ArrayList<>();
        try (Workspace ws = Workspace.create(workRoot, "publish-" + plan.version())) {
            List<PublicObject> objects = prepare(request, ws.root(), heartbeat);
            refuseConflicts(objects);
            Path check = ws.root().resolve("read-back");
            // The archives (the bulk of the bytes, in no order a reader depends on) go up
            // several at once; everything after them in publication order, one by one.
            int archives = request.artifacts().size();
            try (Uploads uploads = store.startUploads(objects.subList(0, archives).stream()
                    .map(Publisher::writeOnce)
                    .toList())) {
                for (int i = 0; i < archives; i++) {
                    int archive = i;
                    published.add(readBack(() -> uploads.await(archive, heartbeat), check));
                    Failpoints.reach("publish.after-first-object", heartbeat);
                }
            }
            for (PublicObject object : objects.subList(archives, objects.size())) {
                heartbeat.run();
                published.add(readBack(() -> store.upload(writeOnce(object)), check));
            }
        }
        String prefix = StoreLayout.releasePrefix(plan.version());
        LatestPointer latest = new LatestPointer(store);
        boolean moved = latest.moveForward(
                plan.version(),
                plan.commit(),
                prefix + ReleaseMetadata.MANIFEST,
                request.metadata().manifest().sha256());
        PublicationEntry.append(store, signingKey, clock.instant(), request, published, latest);
        return new PublishResult(prefix, published, moved);
    }

    /** Every object of the release, fetched and verified locally, in publication order. */
    private List<PublicObject> prepare(PublishRequest request, Path scratch, Runnable heartbeat) throws IOException {
        ReleasePlan plan = request.plan();
        String prefix = StoreLayout.releasePrefix(plan.version());
        String evidence = StoreLayout.evidencePrefix(plan.version(), plan.runId());
        StagedObjects staged = new StagedObjects(store, scratch);
        List<PublicObject> objects = new ArrayList<>();
        for (Artifact artifact : ArtifactOrder.sorted(request.artifacts())) {
            heartbeat.run();
            objects.add(staged.fetchArchive(artifact, prefix + artifact.name()));
        }
        objects.addAll(documents(request, staged, prefix));
        List<PublicObject> evidenceObjects = new ArrayList<>();
        for (ArtifactRef report : request.reports()) {
            evidenceObjects.add(staged.fetch(report, evidence + StagedObjects.fileName(report.key())));
        }
        if (request.metadata().provenance() != null) {
            PublicObject provenance = staged.fetch(request.metadata().provenance(), evidence + Provenance.FILE_NAME);
            evidenceObjects.add(provenance);
            evidenceObjects.add(staged.generated(
                    evidence + ReleaseSignatures.PROVENANCE_ENVELOPE,
                    ReleaseSignatures.envelope(signingKey, Files.readAllBytes(provenance.local()))));
        }
        evidenceObjects.add(
                staged.generated(evidence + PublicationRecords.APPROVAL, PublicationRecords.approval(request)));
        evidenceObjects.add(
                staged.generated(evidence + ReleaseMetadata.CHECKSUMS, PublicationRecords.checksums(evidenceObjects)));
        objects.addAll(evidenceObjects);
        PublicObject manifest = staged.fetch(request.metadata().manifest(), prefix + ReleaseMetadata.MANIFEST);
        PublicObject sums = staged.fetch(request.metadata().checksums(), prefix + ReleaseMetadata.CHECKSUMS);
        objects.add(manifest);
        objects.add(sums);
        objects.addAll(signatures(staged, prefix, sums));
        PublicObject evidenceSums = evidenceObjects.get(evidenceObjects.size() - 1);
        objects.add(staged.generated(
                StoreLayout.publishedMarker(plan.version()),
                PublicationRecords.published(
                        plan,
                        evidence,
                        manifest,
                        sums,
                        evidenceSums,
                        signingKey.publicKey().fingerprint())));
        return objects;
    }

    /**
     * The contract and the notes, each fetched against the digest {@code SHA256SUMS} recorded for it
     * when the metadata was generated ({@code SHA256SUMS} itself checked against its own recorded
     * digest first): a document rewritten in staging since, object metadata and all, is refused.
     */
    private List<PublicObject> documents(PublishRequest request, StagedObjects staged, String prefix)
            throws IOException {
        ArtifactRef sumsRef = request.metadata().checksums();
        byte[] sums = store.getBytes(sumsRef.key());
        if (!Sha256.of(sums).equals(sumsRef.sha256())) {
            throw new PipelineException(
                    FailureType.DIGEST_MISMATCH,
                    "refusing to publish: the staged object changed after it was staged: " + sumsRef.key());
        }
        Map<String, String> listed = ReleaseMetadata.listed(sums);
        List<PublicObject> documents = new ArrayList<>();
        for (String name : ReleaseDocuments.NAMES) {
            Optional<ArtifactRef> document = staged.ref(request.plan().stagingPrefix() + name);
            if (document.isEmpty()) continue;
            String expected = listed.get(name);
            if (expected == null) {
                throw new PipelineException(
                        FailureType.DIGEST_MISMATCH,
                        "refusing to publish: " + name + " appeared in staging after " + ReleaseMetadata.CHECKSUMS
                                + " was written; start the release again");
            }
            ArtifactRef ref = document.get();
            documents.add(staged.fetch(new ArtifactRef(ref.bucket(), ref.key(), expected, ref.size()), prefix + name));
        }
        return documents;
    }

    /** {@code SHA256SUMS.sig} and the {@code allowed_signers} line of the key that made it. */
    private List<PublicObject> signatures(StagedObjects staged, String prefix, PublicObject sums) throws IOException {
        return List.of(
                staged.generated(
                        prefix + ReleaseSignatures.SUMS_SIGNATURE,
                        ReleaseSignatures.sumsSignature(signingKey, Files.readAllBytes(sums.local()))),
                staged.generated(
                        prefix + ReleaseSignatures.ALLOWED_SIGNERS, ReleaseSignatures.allowedSigners(signingKey)));
    }

    /**
     * A public key that already holds other bytes is a hard failure, found before anything is
     * written: it names the key, so the operator sees which earlier publication is in the way.
     */
    private void refuseConflicts(List<PublicObject> objects) {
        for (PublicObject object : objects) {
            Optional<ObjectInfo> existing = store.head(object.key());
            if (existing.isPresent()
                    && !(object.sha256().equals(existing.get().sha256())
                            && object.size() == existing.get().size())) {
                String why = object.key().endsWith(StoreLayout.PUBLISHED)
                        ? "version " + object.key().split("/")[1]
                                + " is already published by another run; published releases are"
                                + " immutable, release a new version"
                        : store.conflict(object.key(), object.sha256(), existing)
                                .getMessage();
                throw new PipelineException(FailureType.ALREADY_PUBLISHED, "refusing to publish: " + why);
            }
        }
    }

    /** One write-once put: awaited from parallel uploads, or made there and then. */
    @FunctionalInterface
    private interface Write {
        ArtifactRef put() throws IOException, InterruptedException;
    }

    private static Uploads.File writeOnce(PublicObject object) {
        return new Uploads.File(object.key(), object.local(), object.sha256(), true);
    }

    /** A write-once put, then a read-back so that "digests re-verified" holds for the bytes at rest. */
    private ArtifactRef readBack(Write write, Path check) throws IOException {
        try {
            ArtifactRef written = write.put();
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("publication interrupted", e);
        } finally {
            Files.deleteIfExists(check);
        }
    }
}
