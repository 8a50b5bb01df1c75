package dev.fuse.release.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.BuildHost;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.Toolchain;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

public class ReleaseMetadataTest {
    public static ReleasePlan plan(String runId) {
        return new ReleasePlan(
                new ReleasePlan.Source(
                        "0.4.0",
                        "fuse",
                        "/repo",
                        "aa2e1786ec9262f1486311f333d793e0a3062560",
                        1767225600L,
                        "1".repeat(64),
                        "0.3.9",
                        new Toolchain("stable", "minimal", "rustfmt,clippy", "24")),
                new ReleasePlan.Staging("fuse-releases", runId, "staging/0.4.0/" + runId + "/", List.of()),
                new ReleasePlan.Policy(true, true, true),
                new ReleasePlan.ContractTerms(
                        "aot-release-contract/v0.4",
                        new dev.fuse.release.contract.model.SloThresholds(30, 20, 25_000_000, 600, 0),
                        null,
                        null),
                Target.values(),
                List.of(Target.LINUX_X64));
    }

    public static List<Artifact> artifacts(String runId) {
        List<Artifact> list = new ArrayList<>();
        int i = 0;
        for (Target t : Target.values()) {
            for (ArtifactType type : List.of(ArtifactType.CLI, ArtifactType.AOT)) {
                String name = type.artifactName("0.4.0", t);
                String exe = (type == ArtifactType.CLI ? "fuse" : "hello-http") + t.executableSuffix();
                list.add(new Artifact(
                        name,
                        type,
                        t.id(),
                        t.archiveFormat(),
                        new ArtifactRef(
                                "fuse-releases",
                                "staging/0.4.0/" + runId + "/" + name,
                                Integer.toHexString(i++).repeat(64).substring(0, 64),
                                1000 + i),
                        exe,
                        "e".repeat(64),
                        List.of("LICENSE", exe),
                        new BuildHost("linux-x64", t != Target.LINUX_X64),
                        dev.fuse.release.contract.model.Reproducibility.REPRODUCED));
            }
        }
        list.add(new Artifact(
                "fuse-vscode-0.4.0.vsix",
                ArtifactType.VSCODE,
                null,
                dev.fuse.release.contract.model.ArchiveFormat.VSIX,
                new ArtifactRef(
                        "fuse-releases", "staging/0.4.0/" + runId + "/fuse-vscode-0.4.0.vsix", "f".repeat(64), 2048),
                null,
                null,
                List.of("extension/package.json"),
                new BuildHost("linux-x64", false),
                null));
        return list;
    }

    @Test
    void manifestAndSumsMatchTheGoldenFiles() throws IOException {
        byte[] manifest = ReleaseMetadata.manifest(plan("run-a"), artifacts("run-a"));
        byte[] sums = ReleaseMetadata.checksums(artifacts("run-a"), Sha256.of(manifest));
        assertThat(new String(manifest, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(golden("release-artifacts.json"));
        assertThat(new String(sums, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(golden("SHA256SUMS"));
    }

    @Test
    void bytesDoNotDependOnRunIdDiscoveryOrderLocaleOrTimeZone() {
        byte[] reference = ReleaseMetadata.manifest(plan("run-a"), artifacts("run-a"));
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Random random = new Random(7);
            for (String tag : List.of("tr-TR", "de-DE", "ja-JP")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
                List<Artifact> shuffled = new ArrayList<>(artifacts("run-" + tag));
                Collections.shuffle(shuffled, random);
                assertThat(ReleaseMetadata.manifest(plan("run-" + tag), shuffled))
                        .isEqualTo(reference);
                assertThat(ReleaseMetadata.checksums(shuffled, "a".repeat(64)))
                        .isEqualTo(ReleaseMetadata.checksums(artifacts("run-a"), "a".repeat(64)));
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void sumsAreSha256sumFormatSortedByName() {
        String sums = new String(
                ReleaseMetadata.checksums(artifacts("r"), "a".repeat(64)), java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = sums.lines().toList();
        assertThat(lines).hasSize(8).allSatisfy(l -> assertThat(l).matches("[0-9a-f]{64}  [a-z0-9.-]+"));
        assertThat(lines).extracting(l -> l.substring(66)).isSorted();
        assertThat(sums).endsWith("  release-artifacts.json\n").doesNotContain("\r");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ReleaseMetadataTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
