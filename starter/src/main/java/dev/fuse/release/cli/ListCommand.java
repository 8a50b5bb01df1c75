package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseCatalog;
import dev.fuse.release.client.ReleaseCatalog.Row;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Lists releases (see {@link ReleaseCatalog}) as a table, or as JSON for scripts.
 */
@Command(name = "list", description = "List releases: published, running, rejected, failed.")
public class ListCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    OutputOption output;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        ReleaseCatalog.Listing listing = new ReleaseCatalog(ctx.releases()).list();
        List<Row> rows = listing.rows();
        String latestWarning = listing.latestWarning();
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
}
