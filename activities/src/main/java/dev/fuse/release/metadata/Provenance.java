package dev.fuse.release.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.MetadataRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.support.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The release's provenance: an in-toto Statement v1 with an SLSA Provenance v1 predicate. Its
 * subjects are exactly the entries of SHA256SUMS; the run's evidence (build logs, diff reports)
 * is named by digest as byproducts. It records this run (ids, times), so it is published beside
 * the release and is not itself listed in SHA256SUMS.
 */
public final class Provenance {
    public static final String FILE_NAME = "provenance.intoto.json";
    public static final String BUILD_TYPE = "https://fuse.dev/fuse-release/buildtypes/aot-release/v1";

    private Provenance() {}

    public static byte[] statement(MetadataRequest request, byte[] checksums, String bucket, long finishedOnMillis) {
        ReleasePlan plan = request.plan();
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("_type", "https://in-toto.io/Statement/v1");
        ArrayNode subjects = root.putArray("subject");
        for (String line : new String(checksums, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) continue;
            ObjectNode s = subjects.addObject();
            s.put("name", line.substring(66));
            s.putObject("digest").put("sha256", line.substring(0, 64));
        }
        root.put("predicateType", "https://slsa.dev/provenance/v1");
        ObjectNode predicate = root.putObject("predicate");
        ObjectNode definition = predicate.putObject("buildDefinition");
        definition.put("buildType", BUILD_TYPE);
        ObjectNode external = definition.putObject("externalParameters");
        external.put("version", plan.version());
        external.put("repository", plan.repository());
        external.put("commit", plan.commit());
        ArrayNode targets = external.putArray("targets");
        for (Target t : plan.targets()) targets.add(t.id());
        ObjectNode internal = definition.putObject("internalParameters");
        internal.put("sourceDateEpoch", plan.sourceDateEpoch());
        internal.put("recipeSha256", plan.recipeSha256());
        internal.put("reproducibilityCheck", plan.reproducibilityCheck());
        ObjectNode dependency = definition.putArray("resolvedDependencies").addObject();
        dependency.put("uri", "git+" + plan.repository() + "@" + plan.commit());
        dependency.putObject("digest").put("gitCommit", plan.commit());
        ObjectNode run = predicate.putObject("runDetails");
        run.putObject("builder").put("id", "https://fuse.dev/fuse-release/" + ReleaseMetadata.GENERATOR_VERSION);
        ObjectNode metadata = run.putObject("metadata");
        metadata.put("invocationId", request.invocationId());
        metadata.put(
                "startedOn", Instant.ofEpochMilli(request.startedOnMillis()).toString());
        metadata.put("finishedOn", Instant.ofEpochMilli(finishedOnMillis).toString());
        ArrayNode byproducts = run.putArray("byproducts");
        for (ArtifactRef e : request.evidence()) {
            ObjectNode b = byproducts.addObject();
            b.put("name", e.key());
            b.put("uri", "s3://" + bucket + "/" + e.key());
            b.putObject("digest").put("sha256", e.sha256());
        }
        return CanonicalJson.write(root).getBytes(StandardCharsets.UTF_8);
    }
}
