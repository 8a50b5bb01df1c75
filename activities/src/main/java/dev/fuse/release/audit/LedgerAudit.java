package dev.fuse.release.audit;

import dev.fuse.release.ledger.LedgerEntry;
import dev.fuse.release.ledger.LedgerState;
import dev.fuse.release.ledger.ReleaseLedger;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.publish.LatestPointer;
import dev.fuse.release.signature.AllowedSigners;
import dev.fuse.release.signature.SignatureProblem;
import dev.fuse.release.signature.SshSignature;
import dev.fuse.release.signing.ReleaseSignatures;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.CanonicalJson;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the bucket against the release ledger, without Temporal: the chain is whole and signed
 * by the release key, every publication still has its marker and every yank its marker (with the
 * digests the ledger recorded), nothing is published or yanked that the ledger does not know, and
 * {@code latest.json} names the newest published, unyanked version.
 */
public final class LedgerAudit {
    /** The report's name for the ledger as a whole. */
    public static final String SUBJECT = "ledger";

    private final AllowedSigners trusted;

    public LedgerAudit(AllowedSigners trusted) {
        this.trusted = trusted;
    }

    /** The whole audit: the chain, every version it names, the bucket's markers and the latest pointer. */
    public AuditReport audit(ArtifactStore store) {
        AuditReport report = new AuditReport(SUBJECT);
        List<ReleaseLedger.Stored> entries = new ReleaseLedger(store).read();
        checkChain(entries, report);
        LedgerState state = LedgerState.of(entries);
        for (String version : state.published().keySet()) checkVersion(store, state, version, report);
        checkNothingUnrecorded(store, state, report);
        checkLatest(store, state, report);
        return report;
    }

    /** The ledger's view of one version, added to that version's own report. */
    public void checkVersion(ArtifactStore store, String version, AuditReport report) {
        checkVersion(store, LedgerState.of(new ReleaseLedger(store).read()), version, report);
    }

    private void checkChain(List<ReleaseLedger.Stored> entries, AuditReport report) {
        String previous = null;
        for (int i = 0; i < entries.size(); i++) {
            ReleaseLedger.Stored stored = entries.get(i);
            LedgerEntry e = stored.entry();
            if (e == null) {
                report.problem(stored.key(), "entry", "a ledger entry", "unreadable JSON");
            } else {
                expect(report, stored.key(), "sequence number", ReleaseLedger.key(i + 1), ReleaseLedger.key(e.seq()));
                expect(
                        report,
                        stored.key(),
                        "previous entry's sha256",
                        String.valueOf(previous),
                        String.valueOf(e.previous()));
                checkSignature(stored.key(), e, report);
            }
            previous = stored.sha256();
        }
        report.held(entries.size() + " ledger entries checked for order, chain and signature");
    }

    private void checkSignature(String key, LedgerEntry e, AuditReport report) {
        try {
            if (e.signature() == null) throw new SignatureProblem("no signature");
            SshSignature sig = SshSignature.parse(e.signature());
            Optional<String> principal = trusted.principalOf(sig.key(), ReleaseSignatures.SUMS_NAMESPACE);
            if (!sig.namespace().equals(ReleaseLedger.NAMESPACE)) {
                report.problem(key, "signature namespace", ReleaseLedger.NAMESPACE, sig.namespace());
            } else if (principal.isEmpty() || !principal.get().equals(ReleaseSignatures.PRINCIPAL)) {
                report.problem(
                        key,
                        "signer",
                        "the release key (" + ReleaseSignatures.PRINCIPAL + ")",
                        "key " + sig.key().fingerprint()
                                + principal.map(p -> " of " + p).orElse(" (not trusted)"));
            } else if (!sig.verifies(e.signedBytes())) {
                report.problem(key, "signature", "a valid signature over the entry", "one that does not match it");
            }
        } catch (SignatureProblem problem) {
            report.problem(key, "signature", "an SSH signature by the release key", problem.getMessage());
        }
    }

    private static void checkVersion(ArtifactStore store, LedgerState state, String version, AuditReport report) {
        LedgerEntry published = state.published().get(version);
        if (published == null) {
            if (store.exists(StoreLayout.publishedMarker(version))) {
                report.problem(
                        StoreLayout.publishedMarker(version),
                        "ledger",
                        "a publication in the ledger",
                        "none: the release was not published by the pipeline, or the ledger lost its entry");
            }
            return;
        }
        expectDigest(
                store,
                report,
                StoreLayout.publishedMarker(version),
                published.objects().get(StoreLayout.PUBLISHED));
        expectDigest(
                store,
                report,
                StoreLayout.releasePrefix(version) + ReleaseMetadata.CHECKSUMS,
                published.objects().get(ReleaseMetadata.CHECKSUMS));
        LedgerEntry yanked = state.yanked().get(version);
        if (yanked != null) {
            expectDigest(
                    store,
                    report,
                    StoreLayout.yankMarker(version),
                    yanked.objects().get(StoreLayout.YANKED));
            report.held("the ledger records " + version + " as yanked by " + yanked.by() + " at " + yanked.at());
        } else if (store.exists(StoreLayout.yankMarker(version))) {
            report.problem(
                    StoreLayout.yankMarker(version),
                    "ledger",
                    "no yank marker (the ledger records no rollback)",
                    "a yank marker the ledger does not know");
        } else {
            report.held("the ledger records " + version + " as published (" + published.at() + ")");
        }
    }

    /** The record's bytes, hashed here: an object rewritten by another client carries no digest we could trust. */
    private static void expectDigest(ArtifactStore store, AuditReport report, String key, String expected) {
        if (!store.exists(key)) {
            report.problem(key, "present", "sha256 " + expected + " (as the ledger records)", "nothing");
            return;
        }
        String found = Sha256.of(store.getBytes(key));
        if (!Objects.equals(expected, found)) {
            report.problem(key, "sha256 (as the ledger records)", String.valueOf(expected), found);
        }
    }

    /** PUBLISHED.json names the run the ledger records, so the history check reads the right run. */
    private static void expectRun(ArtifactStore store, AuditReport report, String version, String runId) {
        String key = StoreLayout.publishedMarker(version);
        if (!store.exists(key)) return;
        try {
            String found = CanonicalJson.MAPPER
                    .readTree(store.getBytes(key))
                    .path("runId")
                    .asText();
            if (!found.equals(runId)) report.problem(key, "runId (as the ledger records)", runId, found);
        } catch (IOException e) {
            report.problem(key, "readable", "JSON", "unreadable: " + e.getMessage());
        }
    }

    /** Markers in the bucket that the ledger does not account for. */
    private static void checkNothingUnrecorded(ArtifactStore store, LedgerState state, AuditReport report) {
        Set<String> versions = new TreeSet<>();
        for (String folder : store.listFolders("releases/")) {
            versions.add(folder.substring("releases/".length()).replace("/", ""));
        }
        for (String version : versions) {
            if (state.published().containsKey(version)) continue;
            if (store.exists(StoreLayout.publishedMarker(version)) || store.exists(StoreLayout.yankMarker(version))) {
                checkVersion(store, state, version, report);
                if (store.exists(StoreLayout.yankMarker(version))) {
                    report.problem(
                            StoreLayout.yankMarker(version),
                            "ledger",
                            "a version the ledger published",
                            "a yank marker for a version the ledger never published");
                }
            }
        }
    }

    private static void checkLatest(ArtifactStore store, LedgerState state, AuditReport report) {
        Optional<String> expected = state.expectedLatest();
        Optional<String> found;
        try {
            found = new LatestPointer(store).read().map(LatestPointer.Latest::version);
        } catch (RuntimeException e) {
            report.problem(StoreLayout.LATEST, "readable", "the latest pointer", "unreadable: " + e.getMessage());
            return;
        }
        if (!expected.equals(found)) {
            report.problem(
                    StoreLayout.LATEST,
                    "version",
                    expected.map(v -> v + " (the newest published, unyanked version in the ledger)")
                            .orElse("no latest.json (the ledger has no published, unyanked version)"),
                    found.orElse("no latest.json"));
        } else {
            report.held("latest.json names " + found.orElse("nothing") + ", as the ledger says it must");
        }
    }

    private static void expect(AuditReport report, String object, String check, String expected, String found) {
        if (!expected.equals(found)) report.problem(object, check, expected, found);
    }
}
