package dev.fuse.release.client;

import dev.fuse.release.contract.model.ReleaseVersion;
import dev.fuse.release.index.ReleaseIndex;
import dev.fuse.release.ledger.LedgerState;
import dev.fuse.release.ledger.ReleaseLedger;
import dev.fuse.release.publish.LatestPointer;
import dev.fuse.release.publish.PublicationState;
import dev.fuse.release.storage.ArtifactStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every release the bucket knows, from its release index and published prefixes, with what the
 * bucket holds (published, an incomplete publication, nothing), the phase the latest run reached
 * and what the ledger records. It works on any server, including the embedded test server, which
 * has no list API. The CLI's {@code list} and the console show it.
 */
public final class ReleaseCatalog {
    private final ReleaseClient releases;

    public ReleaseCatalog(ReleaseClient releases) {
        this.releases = releases;
    }

    /**
     * @param publication what the bucket holds: PUBLISHED, INCOMPLETE (a publication that never
     *     completed; the next run of the version finishes it) or NONE
     * @param phase the phase the latest run recorded (REJECTED, FAILED, AWAITING_APPROVAL, ...), or
     *     UNKNOWN when Temporal no longer knows the run
     * @param ledger what the release ledger records: PUBLISHED, YANKED or NONE
     * @param disagreement how the bucket disagrees with the ledger, or null when it does not
     */
    public record Row(
            String version,
            boolean published,
            String publication,
            String phase,
            String execution,
            String commit,
            String requestedBy,
            String ledger,
            String disagreement) {}

    /** The rows, newest version first, and how latest.json disagrees with the ledger (null when it does not). */
    public record Listing(List<Row> rows, String latestWarning) {
        public Listing {
            rows = List.copyOf(rows);
        }
    }

    public Listing list() {
        ArtifactStore store = releases.store();
        Map<String, ReleaseIndex.Entry> latestRun = new TreeMap<>();
        for (ReleaseIndex.Entry e : new ReleaseIndex(store).entries()) {
            latestRun.put(e.version(), e);
        }
        for (String folder : store.listFolders("releases/")) {
            String v = folder.substring("releases/".length(), folder.length() - 1);
            latestRun.putIfAbsent(v, new ReleaseIndex.Entry(v, "", "", "", "", ""));
        }
        LedgerState ledger = LedgerState.of(new ReleaseLedger(store).read());
        ledger.published()
                .keySet()
                .forEach(v -> latestRun.putIfAbsent(v, new ReleaseIndex.Entry(v, "", "", "", "", "")));
        List<Row> rows = new ArrayList<>();
        for (ReleaseIndex.Entry e : latestRun.values()) {
            rows.add(row(e, ledger));
        }
        rows.sort(Comparator.comparing((Row r) -> ReleaseVersion.isValid(r.version())
                        ? ReleaseVersion.parse(r.version())
                        : ReleaseVersion.parse("0.0.0"))
                .reversed());
        return new Listing(rows, latestDisagreement(ledger));
    }

    /** How latest.json disagrees with the ledger, or null. */
    private String latestDisagreement(LedgerState ledger) {
        Optional<String> expected = ledger.expectedLatest();
        Optional<String> found;
        try {
            found = new LatestPointer(releases.store()).read().map(LatestPointer.Latest::version);
        } catch (RuntimeException e) {
            return "latest.json is unreadable; the ledger says it must name " + expected.orElse("nothing");
        }
        if (expected.equals(found)) return null;
        return "latest.json names " + found.orElse("nothing") + " but the ledger says it must name "
                + expected.orElse("nothing")
                + " (the newest published, unyanked version); run ./fuse-release verify --all";
    }

    /** How the bucket's markers disagree with the ledger's record of {@code version}, or null. */
    private static String disagreement(PublicationState bucket, String version, LedgerState ledger) {
        boolean inLedger = ledger.published().containsKey(version);
        boolean yankedInLedger = ledger.isYanked(version);
        if (inLedger && !bucket.published()) return "the ledger records a publication but PUBLISHED.json is missing";
        if (!inLedger && bucket.published()) return "published in the bucket but not in the ledger";
        if (yankedInLedger && bucket != PublicationState.YANKED)
            return "the ledger records a yank but YANKED.json is missing";
        if (!yankedInLedger && bucket == PublicationState.YANKED) return "yanked in the bucket but not in the ledger";
        return null;
    }

    private Row row(ReleaseIndex.Entry e, LedgerState ledger) {
        PublicationState publication = PublicationState.of(releases.store(), e.version());
        String inLedger = ledger.isYanked(e.version())
                ? "YANKED"
                : ledger.published().containsKey(e.version()) ? "PUBLISHED" : "NONE";
        String phase;
        String execution;
        try {
            ReleaseClient.Execution run = releases.execution(e.version());
            execution = run.status();
            phase = run.phase() == null ? "UNKNOWN" : run.phase();
        } catch (RuntimeException ex) {
            execution = "UNKNOWN";
            phase = publication.published() ? "PUBLISHED" : "UNKNOWN";
        }
        return new Row(
                e.version(),
                publication.published(),
                publication.name(),
                phase,
                execution,
                e.commit(),
                e.requestedBy(),
                inLedger,
                disagreement(publication, e.version(), ledger));
    }
}
