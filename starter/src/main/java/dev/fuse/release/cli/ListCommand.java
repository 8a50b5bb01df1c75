package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.contract.model.ReleaseVersion;
import dev.fuse.release.index.ReleaseIndex;
import dev.fuse.release.ledger.LedgerState;
import dev.fuse.release.ledger.ReleaseLedger;
import dev.fuse.release.publish.LatestPointer;
import dev.fuse.release.publish.PublicationState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Lists releases from the bucket's release index and published prefixes, with what the bucket
 * holds (published, an incomplete publication, nothing) and the phase the latest run reached. It
 * works on any server, including the embedded test server, which has no list API.
 */
@Command(name = "list", description = "List releases: published, running, rejected, failed.")
public class ListCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    OutputOption output;

    @Mixin
    HelpOption help;

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

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        ReleaseClient releases = ctx.releases();
        Map<String, ReleaseIndex.Entry> latestRun = new TreeMap<>();
        for (ReleaseIndex.Entry e : new ReleaseIndex(ctx.store()).entries()) {
            latestRun.put(e.version(), e);
        }
        for (String folder : ctx.store().listFolders("releases/")) {
            String v = folder.substring("releases/".length(), folder.length() - 1);
            latestRun.putIfAbsent(v, new ReleaseIndex.Entry(v, "", "", "", "", ""));
        }
        LedgerState ledger = LedgerState.of(new ReleaseLedger(ctx.store()).read());
        ledger.published()
                .keySet()
                .forEach(v -> latestRun.putIfAbsent(v, new ReleaseIndex.Entry(v, "", "", "", "", "")));
        List<Row> rows = new ArrayList<>();
        for (ReleaseIndex.Entry e : latestRun.values()) {
            rows.add(row(ctx, releases, e, ledger));
        }
        rows.sort(Comparator.comparing((Row r) -> ReleaseVersion.isValid(r.version())
                        ? ReleaseVersion.parse(r.version())
                        : ReleaseVersion.parse("0.0.0"))
                .reversed());
        String latestWarning = latestDisagreement(ctx, ledger);
        if (output.json()) {
            // The array stays what scripts read; a pointer that disagrees with the ledger is said on stderr.
            ctx.out().println(Json.write(rows));
            if (latestWarning != null) ctx.err().println("warning: " + latestWarning);
            return ExitCodes.OK;
        }
        printTable(ctx, rows, latestWarning);
        return ExitCodes.OK;
    }

    /** The table, then one "!" line per disagreement between the ledger and the bucket. */
    private static void printTable(CliContext ctx, List<Row> rows, String latestWarning) {
        if (rows.isEmpty()) {
            ctx.out().println("no releases yet; start one with ./fuse-release start --version <v> --revision <rev>");
            return;
        }
        String format = "%-14s %-11s %-18s %-11s %-13s %-14s %s";
        ctx.out()
                .println(String.format(
                        format, "VERSION", "PUBLISHED", "PHASE", "EXECUTION", "COMMIT", "REQUESTED BY", "LEDGER"));
        for (Row r : rows) {
            String published = switch (r.publication()) {
                case "PUBLISHED" -> "yes";
                case "YANKED" -> "yanked";
                case "INCOMPLETE" -> "incomplete";
                default -> "no";
            };
            ctx.out()
                    .println(String.format(
                            format,
                            Text.safe(r.version()),
                            published,
                            r.phase(),
                            r.execution(),
                            r.commit().length() > 12 ? r.commit().substring(0, 12) : r.commit(),
                            Text.safe(r.requestedBy()),
                            r.ledger().toLowerCase(Locale.ROOT)));
        }
        rows.stream()
                .filter(r -> r.disagreement() != null)
                .forEach(r -> ctx.out().println("! " + Text.safe(r.version()) + ": " + r.disagreement()));
        if (latestWarning != null) ctx.out().println("! " + latestWarning);
    }

    /** How latest.json disagrees with the ledger, or null. */
    private static String latestDisagreement(CliContext ctx, LedgerState ledger) {
        Optional<String> expected = ledger.expectedLatest();
        Optional<String> found;
        try {
            found = new LatestPointer(ctx.store()).read().map(LatestPointer.Latest::version);
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

    private static Row row(CliContext ctx, ReleaseClient releases, ReleaseIndex.Entry e, LedgerState ledger) {
        PublicationState publication = PublicationState.of(ctx.store(), e.version());
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
