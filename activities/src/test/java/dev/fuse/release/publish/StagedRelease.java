package dev.fuse.release.publish;

import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.BuildHost;
import dev.fuse.release.contract.model.MetadataResult;
import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.Toolchain;
import dev.fuse.release.packaging.ArchiveMember;
import dev.fuse.release.packaging.DeterministicArchiver;
import dev.fuse.release.storage.ArtifactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A release as the workflow hands it to publication: one real linux-x64 AOT archive, the
 * manifest, SHA256SUMS, the provenance statement and the SLO report, staged by one run.
 */
final class StagedRelease {
    static final long EPOCH = 1767225600L;
    static final String COMMIT = "aa2e1786ec9262f1486311f333d793e0a3062560";

    private StagedRelease() {}

    static ReleasePlan plan(String version, String runId) {
        return new ReleasePlan(
                new ReleasePlan.Source(
                        version,
                        "fuse",
                        "/tmp/example-repo",
                        COMMIT,
                        EPOCH,
                        "0".repeat(64),
                        null,
                        new Toolchain("stable", "minimal", "rustfmt,clippy", "24")),
                new ReleasePlan.Staging("fuse-releases", runId, "staging/" + version + "/" + runId + "/", List.of()),
                new ReleasePlan.Policy(false, true, true),
                new ReleasePlan.ContractTerms("aot-release-contract/v0.4", null, null, null),
                List.of(Target.LINUX_X64),
                List.of());
    }

    /** Stages everything of one run; {@code evidenceText} varies per run, as measurements do. */
    static PublishRequest stage(ArtifactStore store, Path dir, String version, String runId, String evidenceText)
            throws IOException {
        ReleasePlan plan = plan(version, runId);
        String name = ArtifactType.AOT.artifactName(version, Target.LINUX_X64);
        String root = name.substring(0, name.length() - ".tar.gz".length());
        Path inputs = Files.createDirectories(dir.resolve("inputs-" + runId));
        Path binary = Files.writeString(inputs.resolve("hello-http"), "\u007fELF hello\n");
        Path license = Files.writeString(inputs.resolve("LICENSE"), "MIT\n");
        Path archive = dir.resolve(runId + "-" + name);
        DeterministicArchiver.writeTarGz(
                archive,
                root,
                List.of(new ArchiveMember("hello-http", binary, true), new ArchiveMember("LICENSE", license, false)),
                EPOCH);
        ArtifactRef staged = store.putFile(plan.stagingPrefix() + name, archive);
        Artifact artifact = new Artifact(
                name,
                ArtifactType.AOT,
                "linux-x64",
                ArchiveFormat.TAR_GZ,
                staged,
                "hello-http",
                null,
                List.of("LICENSE", "hello-http"),
                new BuildHost("linux-x64", false),
                null);
        ArtifactRef manifest = put(store, plan, "release-artifacts.json", "{\"version\":\"" + version + "\"}\n");
        ArtifactRef notes = put(store, plan, "RELEASE_NOTES.md", "# fuse " + version + "\n");
        ArtifactRef sums = put(
                store,
                plan,
                "SHA256SUMS",
                notes.sha256() + "  RELEASE_NOTES.md\n" + staged.sha256() + "  " + name + "\n" + manifest.sha256()
                        + "  release-artifacts.json\n");
        ArtifactRef provenance = put(store, plan, "provenance.intoto.json", "{\"run\":\"" + runId + "\"}\n");
        ArtifactRef report = put(store, plan, "slo-report.json", "{\"evidence\":\"" + evidenceText + "\"}\n");
        return new PublishRequest(
                plan,
                List.of(artifact),
                new MetadataResult(manifest, sums, provenance),
                new ApprovalDecision("alice", "gates green", manifest.sha256()),
                List.of(report),
                null,
                List.of(),
                List.of());
    }

    private static ArtifactRef put(ArtifactStore store, ReleasePlan plan, String file, String text) {
        return store.putBytes(plan.stagingPrefix() + file, text.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
