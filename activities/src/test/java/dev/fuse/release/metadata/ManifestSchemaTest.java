package dev.fuse.release.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.support.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/release-artifacts.schema.json and the writer in step: every object of a generated
 * manifest has exactly the schema's properties, and patterns hold.
 */
class ManifestSchemaTest {
    static final Path SCHEMA = Path.of("../docs/release-artifacts.schema.json");

    @Test
    void generatedManifestHasExactlyTheSchemasFields() throws Exception {
        JsonNode schema = CanonicalJson.MAPPER.readTree(Files.readString(SCHEMA));
        JsonNode manifest = CanonicalJson.MAPPER.readTree(
                ReleaseMetadata.manifest(ReleaseMetadataTest.plan("r"), ReleaseMetadataTest.artifacts("r")));
        sameFields(manifest, schema, "$");
        for (String part : List.of("generator", "project", "toolchain")) {
            sameFields(manifest.path(part), schema.path("properties").path(part), part);
        }
        for (JsonNode t : manifest.path("targets"))
            sameFields(t, schema.path("properties").path("targets").path("items"), "targets[]");
        JsonNode artifactSchema = schema.path("properties").path("artifacts").path("items");
        Pattern name = Pattern.compile(
                artifactSchema.path("properties").path("name").path("pattern").asText());
        for (JsonNode a : manifest.path("artifacts")) {
            sameFields(a, artifactSchema, "artifacts[]");
            assertThat(a.path("name").asText()).matches(name);
        }
    }

    @Test
    void namesOutsideTheContractPatternsAreReported() {
        List<Artifact> artifacts = new ArrayList<>(ReleaseMetadataTest.artifacts("r"));
        assertThat(ArtifactNames.violations("0.4.0", artifacts)).isEmpty();
        Artifact good = artifacts.get(0);
        artifacts.add(new Artifact(
                "fuse-cli-0.4.0-linux-x64.tgz",
                good.type(),
                good.target(),
                good.format(),
                good.ref(),
                good.executable(),
                good.executableSha256(),
                good.members(),
                good.host(),
                null));
        artifacts.add(new Artifact(
                "fuse-cli-0.3.0-linux-x64.tar.gz",
                good.type(),
                good.target(),
                good.format(),
                good.ref(),
                good.executable(),
                good.executableSha256(),
                good.members(),
                good.host(),
                null));
        assertThat(ArtifactNames.violations("0.4.0", artifacts))
                .hasSize(2)
                .allSatisfy(v -> assertThat(v)
                        .contains("does not match the contract name fuse-cli-0.4.0-<target>.{tar.gz|zip}"));
    }

    @Test
    void manyBadNamesMakeOneLineThatCountsTheRest() {
        List<String> five = List.of("a", "b", "c", "d", "e");
        assertThat(ArtifactNames.summary(five)).isEqualTo("a; b; c; and 2 more like these");
        assertThat(ArtifactNames.summary(five.subList(0, 2))).isEqualTo("a; b");
    }

    private static void sameFields(JsonNode object, JsonNode schema, String where) {
        TreeSet<String> actual = new TreeSet<>();
        object.fieldNames().forEachRemaining(actual::add);
        TreeSet<String> expected = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(expected::add);
        TreeSet<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        assertThat(actual).as(where).isEqualTo(expected);
        assertThat(required).as(where + " required").isEqualTo(expected);
    }
}
