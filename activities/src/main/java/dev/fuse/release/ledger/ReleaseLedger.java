package dev.fuse.release.ledger;

import dev.fuse.release.signing.ReleaseSigningKey;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release ledger: every publication and rollback, appended as {@code ledger/<seq>.json}, each
 * entry signed with the release key and naming the digest of the one before. Entries are written
 * write-once ({@code If-None-Match: *}), so two writers that race for the same number cannot fork
 * the chain: the loser reads the new head and appends after it. The audit ({@code verify --all})
 * trusts the bucket's records only as far as this chain confirms them.
 */
public final class ReleaseLedger {
    public static final String PREFIX = "ledger/";
    public static final String NAMESPACE = "fuse-release-ledger";
    private static final int MAX_ATTEMPTS = 20;

    private final ArtifactStore store;

    public ReleaseLedger(ArtifactStore store) {
        this.store = store;
    }

    /** What an append records; {@code by} is who acted (the run's approvers, or the operator). */
    public record Event(
            String action, String version, String runId, String by, Map<String, String> objects, String latest) {}

    public static String key(long seq) {
        return PREFIX + String.format("%010d", seq) + ".json";
    }

    /**
     * Appends {@code event} signed by {@code key}, unless the ledger already holds the same action
     * for the same version and run (a retried activity): then that entry is returned.
     */
    public LedgerEntry append(Event event, ReleaseSigningKey key, Instant now) throws IOException {
        for (int attempt = 1; ; attempt++) {
            List<Stored> entries = read();
            Optional<LedgerEntry> done = entries.stream()
                    .map(Stored::entry)
                    .filter(e -> event.action().equals(e.action())
                            && event.version().equals(e.version())
                            && event.runId().equals(e.runId()))
                    .findFirst();
            if (done.isPresent()) return done.get();
            Stored head = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            LedgerEntry entry = new LedgerEntry(
                    head == null ? 1 : head.entry().seq() + 1,
                    head == null ? null : head.sha256(),
                    event.action(),
                    event.version(),
                    event.runId(),
                    event.by(),
                    now.toString(),
                    event.objects(),
                    event.latest(),
                    null);
            entry = entry.signed(key.signSsh(NAMESPACE, entry.signedBytes()));
            try {
                store.putBytesIfAbsent(key(entry.seq()), entry.bytes(), "application/json");
                return entry;
            } catch (StoreException e) {
                // Another writer took this number first: read the new head and append after it.
                if (e.kind() != StoreException.Kind.CONFLICT || attempt >= MAX_ATTEMPTS) throw e;
            }
        }
    }

    /** An entry as stored: its key, its bytes' digest, and what it says (null when unreadable). */
    public record Stored(String key, String sha256, byte[] bytes, LedgerEntry entry) {}

    /** Every entry in key order; an unreadable one is kept with a null entry, for the audit to name. */
    public List<Stored> read() {
        List<Stored> out = new ArrayList<>();
        for (String k : store.listKeys(PREFIX).stream().sorted().toList()) {
            if (!k.endsWith(".json")) continue;
            byte[] bytes = store.getBytes(k);
            LedgerEntry entry;
            try {
                entry = LedgerEntry.parse(bytes);
            } catch (IOException e) {
                entry = null;
            }
            out.add(new Stored(k, Sha256.of(bytes), bytes, entry));
        }
        return out;
    }
}
