package dev.fuse.release.verify;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.RuntimeChecks;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.VerifyRequest;
import dev.fuse.release.contract.model.VerifyResult;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.packaging.ArchiveVerifier;
import dev.fuse.release.packaging.ArtifactPackager;
import dev.fuse.release.packaging.BadArchiveException;
import dev.fuse.release.packaging.StagedBinary;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.support.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Re-checks staged artifacts as the store returns them: digest and size, full archive integrity,
 * the expected members, the digest of the executable inside against the one recorded at build,
 * and the AOT binary's runtime contract (build info, startup trace, fatal envelopes).
 */
public final class StagedVerifier {
    /** Published AOT artifacts use the default release profile (contract, static profile policy). */
    static final String RELEASE_PROFILE = "release";

    private final ArtifactStore store;
    private final Path workRoot;

    public StagedVerifier(ArtifactStore store, Path workRoot) {
        this.store = store;
        this.workRoot = workRoot;
    }

    public VerifyResult verify(VerifyRequest request, Runnable heartbeat) throws IOException, InterruptedException {
        List<String> checks = new ArrayList<>();
        RuntimeChecks runtime = null;
        try (Workspace ws = Workspace.create(workRoot, "verify-" + request.version())) {
            for (Artifact a : request.artifacts()) {
                heartbeat.run();
                Path local = ws.root().resolve(a.name());
                try {
                    store.download(a.ref(), local);
                } catch (StoreException e) {
                    throw new PipelineException(FailureType.DIGEST_MISMATCH, e.getMessage(), e);
                }
                ArchiveFormat container = a.format().container();
                String root = ArtifactPackager.rootOf(a.name(), a.format());
                ArchiveVerifier.Verified v;
                try {
                    v = ArchiveVerifier.verify(local, container, root, a.members(), a.executable());
                } catch (BadArchiveException e) {
                    throw new PipelineException(FailureType.BAD_ARCHIVE, e.getMessage(), e);
                }
                if (!Objects.equals(v.executableSha256(), a.executableSha256())) {
                    throw new PipelineException(
                            FailureType.DIGEST_MISMATCH,
                            a.name() + ": executable digest " + v.executableSha256() + " differs from the build's "
                                    + a.executableSha256());
                }
                checks.add(a.name() + ": sha256 " + a.ref().sha256().substring(0, 12) + ", " + v.entries()
                        + " entries, " + v.uncompressedBytes() + " bytes unpacked, ok");
                if (a.type() == ArtifactType.AOT) {
                    heartbeat.run();
                    Path binary = StagedBinary.extract(store, a, ws.dir("runtime"));
                    runtime = RuntimeVerifier.check(binary, Target.parse(a.target()), RELEASE_PROFILE);
                    checks.add(a.name() + ": runtime checks "
                            + (runtime.problems().isEmpty() ? "ok" : String.join("; ", runtime.problems())));
                }
            }
        }
        return new VerifyResult(checks, runtime);
    }
}
