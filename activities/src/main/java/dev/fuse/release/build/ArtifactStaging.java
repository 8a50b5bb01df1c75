package dev.fuse.release.build;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.BuildHost;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.packaging.ArtifactPackager;
import dev.fuse.release.packaging.BadArchiveException;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.Uploads;
import dev.fuse.release.support.Failpoints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a build's archives into the release's staging prefix. The uploads (several at once) run
 * while the archives are read back and verified, since both only read the files: on a large
 * archive that hides one behind the other. A reference leaves here only when its archive passed
 * verification and its upload completed; an archive that fails verification may leave bytes under
 * its staging key, which nothing references and the next attempt overwrites.
 */
final class ArtifactStaging {
    private final ArtifactStore store;
    private final ReleasePlan plan;
    private final BuildHost host;

    ArtifactStaging(ArtifactStore store, ReleasePlan plan, BuildHost host) {
        this.store = store;
        this.plan = plan;
        this.host = host;
    }

    List<Artifact> stageWhileVerifying(String target, List<ArtifactPackager.Written> written, Runnable heartbeat)
            throws IOException, InterruptedException {
        List<Uploads.File> files = written.stream()
                .map(w -> new Uploads.File(plan.stagingPrefix() + w.name(), w.file(), w.archiveSha256(), false))
                .toList();
        try (Uploads uploads = store.startUploads(files)) {
            List<ArtifactPackager.Packaged> verified = new ArrayList<>();
            for (ArtifactPackager.Written archive : written) {
                heartbeat.run();
                verified.add(verify(archive));
            }
            List<Artifact> artifacts = new ArrayList<>();
            for (int i = 0; i < verified.size(); i++) {
                artifacts.add(artifact(target, verified.get(i), uploads.await(i, heartbeat)));
                if (i == 0) Failpoints.reach("stage.after-first-upload", heartbeat);
            }
            return artifacts;
        }
    }

    Artifact stageVerified(String target, ArtifactPackager.Packaged packaged) throws IOException {
        return artifact(
                target,
                packaged,
                store.putFile(plan.stagingPrefix() + packaged.name(), packaged.file(), packaged.archiveSha256()));
    }

    /** Reads the archive back; a bad one is the build's failure, BAD_ARCHIVE. */
    static ArtifactPackager.Packaged verify(ArtifactPackager.Written archive) throws IOException {
        try {
            return archive.verify();
        } catch (BadArchiveException e) {
            throw new PipelineException(FailureType.BAD_ARCHIVE, e.getMessage(), e);
        }
    }

    private Artifact artifact(String target, ArtifactPackager.Packaged p, ArtifactRef ref) {
        return new Artifact(
                p.name(),
                p.type(),
                target,
                p.format(),
                ref,
                p.executable(),
                p.executableSha256(),
                p.members(),
                host,
                null);
    }
}
