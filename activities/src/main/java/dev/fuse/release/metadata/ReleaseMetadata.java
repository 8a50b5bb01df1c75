package dev.fuse.release.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.BuildHost;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.policy.ArtifactOrder;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the deterministic metadata of a release: {@code release-artifacts.json} and
 * {@code SHA256SUMS}. Output depends only on the plan and the artifacts (never on run ids,
 * clocks, locale or discovery order), so regenerating it yields the same bytes.
 */
public final class ReleaseMetadata {
    public static final String MANIFEST = StoreLayout.MANIFEST;
    public static final String CHECKSUMS = "SHA256SUMS";
    public static final int SCHEMA_VERSION = 1;
    public static final String GENERATOR = "fuse-release";
    public static final String GENERATOR_VERSION = "0.1.0";

    private static final ObjectMapper JSON = CanonicalJson.MAPPER;

    private ReleaseMetadata() {}

    /** The manifest, UTF-8, LF line ends, trailing newline, fixed key order. */
    public static byte[] manifest(ReleasePlan plan, List<Artifact> artifacts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode generator = root.putObject("generator");
        generator.put("name", GENERATOR);
        generator.put("version", GENERATOR_VERSION);
        ObjectNode project = root.putObject("project");
        project.put("name", plan.projectName());
        project.put("version", plan.version());
        project.put("commit", plan.commit());
        project.put("previousVersion", plan.previousVersion());
        root.put("generatedAtUtc", SourceDateEpoch.toUtc(plan.sourceDateEpoch()));
        root.put("sourceDateEpoch", plan.sourceDateEpoch());
        ObjectNode toolchain = root.putObject("toolchain");
        toolchain.put("rustChannel", plan.toolchain().rustChannel());
        toolchain.put("rustProfile", plan.toolchain().rustProfile());
        toolchain.put("rustComponents", plan.toolchain().rustComponents());
        toolchain.put("node", plan.toolchain().node());

        Map<String, BuildHost> hosts = new TreeMap<>(ArtifactOrder.BYTE_ORDER);
        for (Artifact a : artifacts) {
            if (a.target() != null) hosts.put(a.target(), a.host());
        }
        ArrayNode targets = root.putArray("targets");
        for (Target t : plan.targets()) {
            BuildHost host = hosts.get(t.id());
            ObjectNode node = targets.addObject();
            node.put("id", t.id());
            node.put("triple", t.triple());
            node.put("hostClass", host == null ? null : host.hostClass());
            node.put("emulated", host != null && host.emulated());
            node.put("linkage", plan.linksStatically(t) ? "static" : "dynamic");
        }
        ArrayNode list = root.putArray("artifacts");
        for (Artifact a : ArtifactOrder.sorted(artifacts)) {
            ObjectNode node = list.addObject();
            node.put("name", a.name());
            node.put("type", a.type().id());
            node.put("target", a.target());
            node.put("format", a.format().extension());
            node.put("size", a.ref().size());
            node.put("sha256", a.ref().sha256());
            node.put("key", StoreLayout.releasePrefix(plan.version()) + a.name());
            node.put("executableSha256", a.executableSha256());
            node.put("reproducibility", a.reproducibility().id());
        }
        return CanonicalJson.write(root).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code SHA256SUMS} in the format {@code sha256sum -c} reads: {@code <hex>  <name>\n}, one
     * line per artifact plus the manifest, sorted by name in byte order.
     */
    public static byte[] checksums(List<Artifact> artifacts, String manifestSha256) {
        return checksums(artifacts, manifestSha256, Map.of());
    }

    /** The names and digests a {@code SHA256SUMS} file lists (lines in another shape are not entries). */
    public static Map<String, String> listed(byte[] sums) {
        Map<String, String> listed = new TreeMap<>();
        for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
            if (line.matches("[0-9a-f]{64}  [^/\\\\]+")) listed.put(line.substring(66), line.substring(0, 64));
        }
        return listed;
    }

    /** As above, plus further published files of the release (name to sha256), e.g. its contract. */
    public static byte[] checksums(List<Artifact> artifacts, String manifestSha256, Map<String, String> others) {
        Map<String, String> lines = new TreeMap<>(ArtifactOrder.BYTE_ORDER);
        for (Artifact a : artifacts) {
            if (lines.put(a.name(), a.ref().sha256()) != null) {
                throw new IllegalArgumentException("artifact name " + a.name() + " appears twice");
            }
        }
        lines.put(MANIFEST, manifestSha256);
        lines.putAll(others);
        StringBuilder text = new StringBuilder();
        lines.forEach((name, sha) -> text.append(sha).append("  ").append(name).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
