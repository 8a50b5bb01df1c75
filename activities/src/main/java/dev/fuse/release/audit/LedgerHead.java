package dev.fuse.release.audit;

import dev.fuse.release.ledger.ReleaseLedger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The ledger head an auditor saw last, kept outside the bucket (a file on the audit host). A
 * chain proves that nothing before its head changed, not that its tail is still there: someone
 * who deletes the newest entries, and the records they describe, leaves a shorter chain that is
 * consistent in itself. Comparing with the head seen last catches that, as monitors of
 * transparency logs do.
 */
public record LedgerHead(long seq, String sha256) {
    /** The head recorded in {@code file}, or empty when the file does not exist yet (first audit). */
    public static Optional<LedgerHead> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] parts = text.split(" ");
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,10}") || !parts[1].matches("[0-9a-f]{64}")) {
            throw new IOException(file + " is not a ledger head ('<seq> <sha256>'): delete it to start over");
        }
        return Optional.of(new LedgerHead(Long.parseLong(parts[0]), parts[1]));
    }

    /** The newest entry of the ledger, or empty for an empty ledger. */
    public static Optional<LedgerHead> of(List<ReleaseLedger.Stored> entries) {
        if (entries.isEmpty()) return Optional.empty();
        ReleaseLedger.Stored last = entries.get(entries.size() - 1);
        String number =
                last.key().substring(ReleaseLedger.PREFIX.length(), last.key().length() - ".json".length());
        return Optional.of(new LedgerHead(Long.parseLong(number), last.sha256()));
    }

    /** Whether the ledger still holds this head, byte for byte; a problem in {@code report} if not. */
    public void checkStillIn(List<ReleaseLedger.Stored> entries, AuditReport report) {
        String key = ReleaseLedger.key(seq);
        Optional<ReleaseLedger.Stored> now =
                entries.stream().filter(s -> s.key().equals(key)).findFirst();
        if (now.isEmpty()) {
            report.problem(
                    key,
                    "present (the head seen by the last audit)",
                    "sha256 " + sha256,
                    "nothing: the ledger is shorter than when it was last audited");
        } else if (!now.get().sha256().equals(sha256)) {
            report.problem(
                    key,
                    "sha256 (the head seen by the last audit)",
                    sha256,
                    now.get().sha256());
        } else {
            report.held("the ledger still holds entry " + seq + ", the head the last audit saw");
        }
    }

    /** Replaces {@code file} atomically, so an audit killed halfway leaves the old head. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".ledger-head", ".tmp");
        Files.writeString(temp, seq + " " + sha256 + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
