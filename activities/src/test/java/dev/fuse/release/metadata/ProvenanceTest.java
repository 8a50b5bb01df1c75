package dev.fuse.release.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.MetadataRequest;
import dev.fuse.release.support.CanonicalJson;
import dev.fuse.release.support.Sha256;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    @Test
    void subjectsAreExactlyTheSha256sumsEntriesAndEvidenceIsNamedByDigest() throws Exception {
        var plan = ReleaseMetadataTest.plan("run-a");
        var artifacts = ReleaseMetadataTest.artifacts("run-a");
        byte[] manifest = ReleaseMetadata.manifest(plan, artifacts);
        byte[] sums = ReleaseMetadata.checksums(artifacts, Sha256.of(manifest));
        ArtifactRef log = new ArtifactRef("fuse-releases", "logs/0.4.0/run-a/linux-x64/aot.log", "9".repeat(64), 120);
        MetadataRequest request =
                new MetadataRequest(plan, artifacts, "fuse-release-0.4.0/run-a", 1767225600000L, List.of(log));

        JsonNode statement =
                CanonicalJson.MAPPER.readTree(Provenance.statement(request, sums, "fuse-releases", 1767225660000L));

        assertThat(statement.path("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(statement.path("predicateType").asText()).isEqualTo("https://slsa.dev/provenance/v1");
        List<String> sumLines = new String(sums, java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(statement.path("subject")).hasSize(sumLines.size());
        for (int i = 0; i < sumLines.size(); i++) {
            JsonNode subject = statement.path("subject").get(i);
            assertThat(subject.path("digest").path("sha256").asText() + "  "
                            + subject.path("name").asText())
                    .isEqualTo(sumLines.get(i));
        }
        JsonNode run = statement.path("predicate").path("runDetails");
        assertThat(run.path("metadata").path("invocationId").asText()).isEqualTo("fuse-release-0.4.0/run-a");
        assertThat(run.path("metadata").path("finishedOn").asText()).isEqualTo("2026-01-01T00:01:00Z");
        assertThat(run.path("byproducts").get(0).path("uri").asText())
                .isEqualTo("s3://fuse-releases/logs/0.4.0/run-a/linux-x64/aot.log");
        assertThat(statement
                        .path("predicate")
                        .path("buildDefinition")
                        .path("resolvedDependencies")
                        .get(0)
                        .path("digest")
                        .path("gitCommit")
                        .asText())
                .isEqualTo(plan.commit());
    }
}
