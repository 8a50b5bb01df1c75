package dev.fuse.release.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.signature.AllowedSigners;
import dev.fuse.release.signature.SignatureProblem;
import dev.fuse.release.signature.SshKey;
import dev.fuse.release.signature.SshSignature;
import dev.fuse.release.signing.ReleaseSignatures;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a published release as a downloader would, and more: the {@code SHA256SUMS} signature
 * against the trusted allowed signers, every digest it lists, the manifest against it, the
 * completion marker, the run's evidence and its signed provenance envelope, and that approvals
 * were for this manifest. Every mismatch is reported, not only the first.
 */
public final class ReleaseAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AllowedSigners trusted;

    /** @param trusted who may sign releases: an allowed-signers file naming the principal fuse-release */
    public ReleaseAudit(AllowedSigners trusted) {
        this.trusted = trusted;
    }

    public AuditReport audit(String version, ReleaseFiles files) throws IOException {
        AuditReport report = new AuditReport(version);
        Optional<byte[]> sums = files.bytes(ReleaseMetadata.CHECKSUMS);
        if (sums.isEmpty()) {
            report.problem(ReleaseMetadata.CHECKSUMS, "present", "the file", "nothing");
            return report;
        }
        Optional<SshKey> signer = checkSumsSignature(files, sums.get(), report);
        Map<String, String> listed = Checksums.parse(sums.get(), ReleaseMetadata.CHECKSUMS, report);
        checkDigests(files, "", listed, report);
        checkManifest(files, listed, report);
        Optional<byte[]> marker = files.bytes(StoreLayout.PUBLISHED);
        if (marker.isEmpty()) {
            if (files.complete()) report.problem(StoreLayout.PUBLISHED, "present", "the completion marker", "nothing");
            else report.skipped(StoreLayout.PUBLISHED + " and the evidence are not in the folder");
            return report;
        }
        JsonNode published = JSON.readTree(marker.get());
        expect(
                report,
                StoreLayout.PUBLISHED,
                "sha256sumsSha256",
                published.path("sha256sumsSha256").asText(),
                Sha256.of(sums.get()));
        signer.ifPresent(key -> expect(
                report,
                StoreLayout.PUBLISHED,
                "signingKey",
                published.path("signingKey").asText(),
                key.fingerprint()));
        String evidence = published.path("evidence").asText().replace(StoreLayout.releasePrefix(version), "");
        if (!files.complete()
                && files.bytes(evidence + ReleaseMetadata.CHECKSUMS).isEmpty()) {
            evidence = "evidence/"; // the layout ./fuse-release download writes
        }
        new EvidenceAudit(files, evidence, listed, signer, report)
                .run(published.path("manifestSha256").asText());
        checkNothingUnlisted(files, listed, evidence, report);
        return report;
    }

    /**
     * In the bucket, every object under the release's prefix is accounted for by SHA256SUMS, the
     * evidence checksums or the release's own records: a half-written retry, a duplicate or an
     * object slipped in beside the release is named.
     */
    private static void checkNothingUnlisted(
            ReleaseFiles files, Map<String, String> listed, String evidence, AuditReport report) throws IOException {
        if (!files.complete()) return;
        Set<String> known = new TreeSet<>(listed.keySet());
        known.addAll(List.of(
                ReleaseMetadata.CHECKSUMS,
                ReleaseSignatures.SUMS_SIGNATURE,
                ReleaseSignatures.ALLOWED_SIGNERS,
                StoreLayout.PUBLISHED,
                StoreLayout.YANKED,
                evidence + ReleaseMetadata.CHECKSUMS));
        Optional<byte[]> evidenceSums = files.bytes(evidence + ReleaseMetadata.CHECKSUMS);
        if (evidenceSums.isPresent()) {
            // Parse problems are already reported by the evidence audit.
            Checksums.parse(evidenceSums.get(), evidence, new AuditReport(report.version()))
                    .keySet()
                    .forEach(name -> known.add(evidence + name));
        }
        List<String> unlisted =
                files.names().stream().filter(name -> !known.contains(name)).toList();
        unlisted.forEach(name -> report.problem(
                name, "listed", "only objects SHA256SUMS or the evidence checksums account for", "an unlisted object"));
        if (unlisted.isEmpty()) report.held("every object of the release is accounted for (none unlisted)");
    }

    private Optional<SshKey> checkSumsSignature(ReleaseFiles files, byte[] sums, AuditReport report)
            throws IOException {
        String object = ReleaseSignatures.SUMS_SIGNATURE;
        Optional<byte[]> sig = files.bytes(object);
        if (sig.isEmpty()) {
            report.problem(object, "present", "an SSH signature of SHA256SUMS", "nothing");
            return Optional.empty();
        }
        try {
            SshSignature signature = SshSignature.parse(new String(sig.get(), StandardCharsets.US_ASCII));
            if (!signature.namespace().equals(ReleaseSignatures.SUMS_NAMESPACE)) {
                report.problem(object, "namespace", ReleaseSignatures.SUMS_NAMESPACE, signature.namespace());
            }
            Optional<String> principal = trusted.principalOf(signature.key(), ReleaseSignatures.SUMS_NAMESPACE);
            if (principal.isEmpty() || !principal.get().equals(ReleaseSignatures.PRINCIPAL)) {
                report.problem(
                        object,
                        "signer",
                        "a key the allowed signers trust as " + ReleaseSignatures.PRINCIPAL,
                        "key " + signature.key().fingerprint()
                                + principal.map(p -> " of " + p).orElse(" (not trusted)"));
                return Optional.empty();
            }
            if (!signature.verifies(sums)) {
                report.problem(
                        object,
                        "signature",
                        "a valid signature over SHA256SUMS",
                        "a signature that does not match its bytes");
                return Optional.empty();
            }
            report.held("SHA256SUMS is signed by " + ReleaseSignatures.PRINCIPAL + " ("
                    + signature.key().fingerprint() + ")");
            return Optional.of(signature.key());
        } catch (SignatureProblem e) {
            report.problem(object, "signature", "an SSH signature", e.getMessage());
            return Optional.empty();
        }
    }

    /** Every listed file is there with its digest. */
    static void checkDigests(ReleaseFiles files, String folder, Map<String, String> listed, AuditReport report)
            throws IOException {
        int good = 0;
        for (Map.Entry<String, String> line : listed.entrySet()) {
            Optional<String> actual = files.sha256(folder + line.getKey());
            if (actual.isEmpty())
                report.problem(folder + line.getKey(), "present", "sha256 " + line.getValue(), "nothing");
            else if (!actual.get().equals(line.getValue())) {
                report.problem(folder + line.getKey(), "sha256", line.getValue(), actual.get());
            } else good++;
        }
        report.held(
                good + " of " + listed.size() + " files in " + (folder.isEmpty() ? "" : folder) + "SHA256SUMS match");
    }

    private static void checkManifest(ReleaseFiles files, Map<String, String> listed, AuditReport report)
            throws IOException {
        Optional<byte[]> manifest = files.bytes(ReleaseMetadata.MANIFEST);
        if (manifest.isEmpty()) return; // reported as a listed file that is missing
        Map<String, String> inManifest = new TreeMap<>();
        for (JsonNode a : JSON.readTree(manifest.get()).path("artifacts")) {
            inManifest.put(a.path("name").asText(), a.path("sha256").asText());
        }
        inManifest.forEach((name, sha) -> expect(
                report,
                ReleaseMetadata.MANIFEST,
                "artifact " + name,
                listed.getOrDefault(name, "(not in SHA256SUMS)"),
                sha));
        report.held("the manifest's " + inManifest.size() + " artifacts agree with SHA256SUMS");
    }

    static void expect(AuditReport report, String object, String check, String expected, String found) {
        if (!expected.equals(found)) report.problem(object, check, expected, found);
    }
}
