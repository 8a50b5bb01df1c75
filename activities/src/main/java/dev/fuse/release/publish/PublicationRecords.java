package dev.fuse.release.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.model.ApprovalRecord;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.PublishRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.policy.ArtifactOrder;
import dev.fuse.release.support.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The small records publication writes itself: the approval, the evidence checksums and the
 * {@code PUBLISHED.json} marker. Each depends only on the request, so a retried publication
 * writes the same bytes.
 */
final class PublicationRecords {
    static final String APPROVAL = "approval.json";

    private PublicationRecords() {}

    /** Who approved what: the decision bound to the digests of the manifest and of the evidence reports. */
    static byte[] approval(PublishRequest request) {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("version", request.plan().version());
        root.put("commit", request.plan().commit());
        if (request.approvals().isEmpty()) {
            // Releases approved before approval policies: one decision.
            root.put("approver", request.approval().approver());
            root.put("comment", request.approval().comment());
        } else {
            root.put("requestedBy", request.requestedBy());
            decisions(root.putArray("decisions"), request);
        }
        root.put("manifestSha256", request.metadata().manifest().sha256());
        ArrayNode reports = root.putArray("evidence");
        for (ArtifactRef r : request.reports()) {
            ObjectNode n = reports.addObject();
            n.put("name", StagedObjects.fileName(r.key()));
            n.put("sha256", r.sha256());
        }
        return bytes(root);
    }

    /**
     * Every decision with what it was about and, when signed, the signature and key: anyone can
     * check a signed decision again with ssh-keygen -Y verify against the approvers' allowed signers.
     */
    private static void decisions(ArrayNode out, PublishRequest request) {
        for (ApprovalRecord r : request.approvals()) {
            ObjectNode n = out.addObject();
            n.put("decision", r.kind().word());
            n.put("approver", r.approver());
            n.put("rationale", r.rationale());
            n.put("at", Instant.ofEpochMilli(r.atMillis()).toString());
            n.put(
                    "statement",
                    ApprovalRecord.statement(
                            r.kind(), request.plan().version(), r.manifestSha256(), r.evidenceSha256()));
            n.put("manifestSha256", r.manifestSha256());
            n.put("evidenceSha256", r.evidenceSha256());
            n.put("keyFingerprint", r.keyFingerprint());
            n.put("signature", r.signature());
        }
    }

    /** {@code SHA256SUMS} of the evidence folder, in the format {@code sha256sum -c} reads. */
    static byte[] checksums(List<PublicObject> evidence) {
        Map<String, String> lines = new TreeMap<>(ArtifactOrder.BYTE_ORDER);
        evidence.forEach(o -> lines.put(StagedObjects.fileName(o.key()), o.sha256()));
        StringBuilder text = new StringBuilder();
        lines.forEach((name, sha) -> text.append(sha).append("  ").append(name).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The completion marker: which run published the version and the digests that pin it. */
    static byte[] published(
            ReleasePlan plan,
            String evidencePrefix,
            PublicObject manifest,
            PublicObject sums,
            PublicObject evidenceSums,
            String signingKey) {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("version", plan.version());
        root.put("commit", plan.commit());
        root.put("runId", plan.runId());
        root.put("manifestSha256", manifest.sha256());
        root.put("sha256sumsSha256", sums.sha256());
        root.put("evidence", evidencePrefix);
        root.put("evidenceSha256sumsSha256", evidenceSums.sha256());
        root.put("signingKey", signingKey);
        return bytes(root);
    }

    private static byte[] bytes(ObjectNode root) {
        return CanonicalJson.write(root).getBytes(StandardCharsets.UTF_8);
    }
}
