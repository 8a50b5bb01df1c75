package dev.fuse.release.ledger;

import dev.fuse.release.contract.model.ReleaseVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the ledger says is true: which versions were published (by which entry), which were
 * yanked, and so which version {@code latest.json} must name. Entries that do not parse are
 * skipped here; the chain check names them.
 */
public record LedgerState(Map<String, LedgerEntry> published, Map<String, LedgerEntry> yanked) {
    public static LedgerState of(List<ReleaseLedger.Stored> entries) {
        Map<String, LedgerEntry> published = new TreeMap<>();
        Map<String, LedgerEntry> yanked = new TreeMap<>();
        for (ReleaseLedger.Stored stored : entries) {
            LedgerEntry e = stored.entry();
            if (e == null || e.version() == null) continue;
            if (LedgerEntry.PUBLISHED.equals(e.action())) published.putIfAbsent(e.version(), e);
            else if (LedgerEntry.YANKED.equals(e.action())) yanked.putIfAbsent(e.version(), e);
        }
        return new LedgerState(published, yanked);
    }

    public boolean isYanked(String version) {
        return yanked.containsKey(version);
    }

    /** The newest published, unyanked version by version order: what latest.json must name. */
    public Optional<String> expectedLatest() {
        return published.keySet().stream()
                .filter(v -> !yanked.containsKey(v))
                .filter(ReleaseVersion::isValid)
                .max(Comparator.comparing(ReleaseVersion::parse));
    }
}
