package dev.fuse.release.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.signature.SignatureProblem;
import dev.fuse.release.signature.SshKey;
import dev.fuse.release.signature.SshWire;
import dev.fuse.release.signing.ReleaseSignatures;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The run's evidence folder: its checksums, the signed provenance envelope, and the approval record. */
final class EvidenceAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReleaseFiles files;
    private final String folder;
    private final Map<String, String> released;
    private final Optional<SshKey> signer;
    private final AuditReport report;

    EvidenceAudit(
            ReleaseFiles files,
            String folder,
            Map<String, String> released,
            Optional<SshKey> signer,
            AuditReport report) {
        this.files = files;
        this.folder = folder;
        this.released = released;
        this.signer = signer;
        this.report = report;
    }

    void run(String manifestSha256) throws IOException {
        Optional<byte[]> sums = files.bytes(folder + ReleaseMetadata.CHECKSUMS);
        if (sums.isEmpty()) {
            report.problem(folder + ReleaseMetadata.CHECKSUMS, "present", "the evidence checksums", "nothing");
            return;
        }
        ReleaseAudit.checkDigests(
                files, folder, Checksums.parse(sums.get(), folder + ReleaseMetadata.CHECKSUMS, report), report);
        ReleaseAudit.expect(
                report,
                ReleaseMetadata.MANIFEST,
                "sha256 (as PUBLISHED.json records it)",
                manifestSha256,
                released.getOrDefault(ReleaseMetadata.MANIFEST, "(not in SHA256SUMS)"));
        provenance();
        approvals(manifestSha256);
    }

    private void provenance() throws IOException {
        String object = folder + ReleaseSignatures.PROVENANCE_ENVELOPE;
        Optional<byte[]> envelope = files.bytes(object);
        if (envelope.isEmpty()) {
            report.problem(object, "present", "a signed provenance envelope", "nothing");
            return;
        }
        JsonNode root = JSON.readTree(envelope.get());
        byte[] payload = Base64.getDecoder().decode(root.path("payload").asText());
        JsonNode sig = root.path("signatures").path(0);
        if (signer.isEmpty()) {
            report.skipped(object + ": signature not checked, SHA256SUMS has no trusted signer");
        } else if (!sig.path("keyid").asText().equals(signer.get().fingerprint())
                || !verifies(signer.get(), sig, payload)) {
            report.problem(
                    object,
                    "DSSE signature",
                    "signed by " + signer.get().fingerprint(),
                    "a signature that does not verify");
        } else {
            report.held("the provenance envelope is signed by the release key");
        }
        Map<String, String> subjects = new TreeMap<>();
        for (JsonNode s : JSON.readTree(payload).path("subject")) {
            subjects.put(
                    s.path("name").asText(), s.path("digest").path("sha256").asText());
        }
        ReleaseAudit.expect(report, object, "subjects", released.toString(), subjects.toString());
    }

    private static boolean verifies(SshKey key, JsonNode sig, byte[] payload) {
        try {
            byte[] raw = Base64.getDecoder().decode(sig.path("sig").asText());
            byte[] blob = new SshWire.Writer().string(key.type()).bytes(raw).toByteArray();
            return key.verifies(blob, ReleaseSignatures.pae(ReleaseSignatures.INTOTO_PAYLOAD_TYPE, payload));
        } catch (SignatureProblem | IllegalArgumentException e) {
            return false;
        }
    }

    private void approvals(String manifestSha256) throws IOException {
        String object = folder + "approval.json";
        Optional<byte[]> approval = files.bytes(object);
        if (approval.isEmpty()) return; // a missing listed file is already a problem
        JsonNode root = JSON.readTree(approval.get());
        ReleaseAudit.expect(
                report,
                object,
                "manifestSha256",
                manifestSha256,
                root.path("manifestSha256").asText());
        for (JsonNode d : root.path("decisions")) {
            ReleaseAudit.expect(
                    report,
                    object,
                    "decision of " + d.path("approver").asText() + " is about manifest",
                    manifestSha256,
                    d.path("manifestSha256").asText());
        }
        report.held("approval.json decisions are about manifest " + manifestSha256);
    }
}
