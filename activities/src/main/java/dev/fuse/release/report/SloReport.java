package dev.fuse.release.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.GateResult;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.TargetEvidence;
import dev.fuse.release.support.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code slo-report.json}: every figure and sample, the protocol each was taken under, the
 * thresholds (and any rationale for relaxing them) and the verdicts.
 */
public final class SloReport {
    public static final String FILE_NAME = "slo-report.json";

    private SloReport() {}

    public static byte[] json(SloFigures request) {
        return json(request, null);
    }

    /** The report, with the comparison with the previous release when one is given. */
    public static byte[] json(SloFigures request, JsonNode comparison) {
        ReleasePlan plan = request.plan();
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("version", plan.version());
        root.put("commit", plan.commit());
        root.put("runId", plan.runId());
        ObjectNode contract = root.putObject("contract");
        contract.put("id", plan.contractId());
        contract.set("thresholds", CanonicalJson.MAPPER.valueToTree(plan.slo()));
        contract.put("thresholdChangeRationale", plan.thresholdRationale());
        // What planning staged beside the artifacts (contract, notes), at its digests: an approval
        // of this report therefore also covers the release notes the approver was shown.
        ArrayNode documents = root.putArray("documents");
        for (ArtifactRef d : plan.documents()) {
            documents
                    .addObject()
                    .put("name", d.key().substring(d.key().lastIndexOf('/') + 1))
                    .put("sha256", d.sha256());
        }
        ArrayNode linkage = root.putArray("staticTargets");
        plan.staticTargets().forEach(t -> linkage.add(t.id()));
        root.put("verdict", request.gates().verdict());
        ArrayNode gates = root.putArray("gates");
        for (GateResult g : request.gates().gates()) {
            ObjectNode gate = CanonicalJson.MAPPER.valueToTree(g);
            // Targets are written by their contract id (linux-x64), as everywhere in published files.
            gate.put("target", g.target().id());
            gates.add(gate);
        }
        ArrayNode targets = root.putArray("targets");
        request.evidence().forEach(e -> targets.add(target(e)));
        if (comparison != null) root.set("comparison", comparison);
        return CanonicalJson.write(root).getBytes(StandardCharsets.UTF_8);
    }

    /** One target's entry: its figures, parity result and runtime checks. */
    static ObjectNode target(TargetEvidence e) {
        ObjectNode t = CanonicalJson.MAPPER.createObjectNode();
        t.put("target", e.target().id());
        t.set("measurement", CanonicalJson.MAPPER.valueToTree(e.measure()));
        t.set("parity", CanonicalJson.MAPPER.valueToTree(e.parity()));
        t.set("runtime", CanonicalJson.MAPPER.valueToTree(e.runtime()));
        return t;
    }

    /** This run's figures by target, read from its entries and artifacts as a published report's are. */
    static Map<String, TargetFigures> figures(SloFigures request) {
        ArrayNode targets = CanonicalJson.MAPPER.createArrayNode();
        request.evidence().forEach(e -> targets.add(target(e)));
        ArrayNode artifacts = CanonicalJson.MAPPER.createArrayNode();
        for (Artifact a : request.artifacts()) {
            artifacts
                    .addObject()
                    .put("type", a.type().id())
                    .put("target", a.target())
                    .put("size", a.ref().size());
        }
        ObjectNode report = CanonicalJson.MAPPER.createObjectNode();
        report.set("targets", targets);
        return PublishedFigures.byTarget(report, artifacts);
    }
}
