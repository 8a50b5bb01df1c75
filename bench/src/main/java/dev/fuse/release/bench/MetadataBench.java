package dev.fuse.release.bench;

import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.BuildHost;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.Toolchain;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * B5: {@code SHA256SUMS} and {@code release-artifacts.json} for 10,000 artifacts, timed from a
 * cold JVM (the first generation, as a worker does it once per release) and warm (median of 5);
 * a second generation must be byte-identical. Goal: under 1 s.
 */
final class MetadataBench {
    static final int ARTIFACTS = 10_000;
    private static final String VERSION = "0.4.0";

    private MetadataBench() {}

    static String run() {
        ReleasePlan plan = plan();
        List<Artifact> artifacts = artifacts(plan);
        long start = System.nanoTime();
        byte[][] first = generate(plan, artifacts);
        double coldMillis = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[5];
        boolean identical = true;
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            byte[][] again = generate(plan, artifacts);
            warm[i] = (System.nanoTime() - t) / 1e6;
            identical &= Arrays.equals(first[0], again[0]) && Arrays.equals(first[1], again[1]);
        }
        Arrays.sort(warm);
        return String.format(
                Locale.ROOT,
                "artifacts=%d cold_ms=%.1f warm_p50_ms=%.1f manifest_bytes=%d sums_bytes=%d identical=%s goal=%s",
                ARTIFACTS,
                coldMillis,
                warm[2],
                first[0].length,
                first[1].length,
                identical ? "yes" : "no",
                coldMillis < 1000 && identical ? "met" : "missed");
    }

    private static byte[][] generate(ReleasePlan plan, List<Artifact> artifacts) {
        byte[] manifest = ReleaseMetadata.manifest(plan, artifacts);
        byte[] sums = ReleaseMetadata.checksums(artifacts, Sha256.of(manifest));
        return new byte[][] {manifest, sums};
    }

    private static List<Artifact> artifacts(ReleasePlan plan) {
        List<Artifact> artifacts = new ArrayList<>(ARTIFACTS);
        BuildHost host = new BuildHost("linux-x64", false);
        for (int i = 0; i < ARTIFACTS; i++) {
            String name = String.format(Locale.ROOT, "fuse-aot-%s-synthetic-%05d.tar.gz", VERSION, i);
            String digest = Sha256.of(name.getBytes(StandardCharsets.UTF_8));
            artifacts.add(new Artifact(
                    name,
                    ArtifactType.AOT,
                    Target.LINUX_X64.id(),
                    ArchiveFormat.TAR_GZ,
                    new ArtifactRef("fuse-releases", plan.stagingPrefix() + name, digest, 1_000_000L + i),
                    "hello-http",
                    digest,
                    List.of("LICENSE", "hello-http"),
                    host,
                    null));
        }
        return artifacts;
    }

    private static ReleasePlan plan() {
        return new ReleasePlan(
                new ReleasePlan.Source(
                        VERSION,
                        "fuse",
                        "https://example.invalid/fuse.git",
                        "0123456789abcdef0123456789abcdef01234567",
                        1767225600L,
                        "0".repeat(64),
                        null,
                        new Toolchain("stable", "minimal", "rustfmt,clippy", "24")),
                new ReleasePlan.Staging("fuse-releases", "run-1", "staging/" + VERSION + "/run-1/", List.of()),
                new ReleasePlan.Policy(false, true, true),
                new ReleasePlan.ContractTerms("aot-release-contract/v0.4", null, null, null),
                List.of(Target.LINUX_X64),
                List.of());
    }
}
