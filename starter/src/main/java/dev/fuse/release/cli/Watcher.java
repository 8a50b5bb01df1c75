package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.client.ReleaseDownload;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.storage.StoreLayout;
import java.io.PrintStream;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Follows a release by polling its {@code status} query. On a terminal it redraws the status
 * block in place; otherwise it prints each line that changed, once.
 */
public final class Watcher {
    private static final long POLL_MILLIS = 1000;
    /** Bounded: a watch never outlives a week of polling, whatever happens to the release. */
    private static final long MAX_POLLS = 7L * 24 * 3600;

    public record Outcome(ReleaseStatus status, int exitCode) {}

    private Watcher() {}

    /**
     * Where a published release is and how to check it, for a user whose stack keeps running (the
     * demo prints its own summary: its stack is gone when it ends).
     */
    static int printWhereToFindIt(Outcome outcome, PrintStream out, ReleaseClient releases, String version) {
        if (outcome.status().phase() != Phase.PUBLISHED) {
            return outcome.exitCode();
        }
        String dir = DownloadCommand.defaultDir(version);
        out.println("  files:    s3://" + releases.store().bucket() + "/" + StoreLayout.releasePrefix(version));
        out.println("  download and check: ./fuse-release download " + version + " --dir " + dir + " && cd " + dir
                + " && " + ReleaseDownload.STOCK_CHECK);
        out.println("  audit:    ./fuse-release verify " + version);
        return outcome.exitCode();
    }

    /** Prints the status as one JSON object per line whenever it changes, until the release ends. */
    static Outcome followJson(ReleaseClient releases, String version, PrintStream out) {
        return followJson(() -> releases.status(version), Watcher::pause, version, out);
    }

    /** @param pause waits between polls; false ends the watch (interrupted) */
    static Outcome followJson(Supplier<ReleaseStatus> poller, BooleanSupplier pause, String version, PrintStream out) {
        ReleaseStatus shown = null;
        for (long poll = 0; poll < MAX_POLLS; poll++) {
            ReleaseStatus status = poller.get();
            if (!status.equals(shown)) {
                out.println(Json.line(status));
                out.flush();
                shown = status;
            }
            if (status.phase().terminal()) {
                return new Outcome(
                        status, status.phase() == Phase.PUBLISHED ? ExitCodes.OK : ExitCodes.RELEASE_NOT_PUBLISHED);
            }
            if (!pause.getAsBoolean()) return new Outcome(status, ExitCodes.INTERNAL);
        }
        throw new CliException(ExitCodes.INTERNAL, "gave up watching " + version + " after " + MAX_POLLS + " polls");
    }

    /** Waits one poll interval; false when interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * @param stopAtApproval return as soon as the release waits for a decision (the demo asks then)
     */
    public static Outcome follow(ReleaseClient releases, String version, CliContext ctx, boolean stopAtApproval) {
        PrintStream out = ctx.out();
        List<String> shown = List.of();
        boolean approvalHinted = false;
        for (long poll = 0; poll < MAX_POLLS; poll++) {
            ReleaseStatus status = releases.status(version);
            List<String> lines = StatusView.lines(status);
            if (ctx.interactive()) {
                if (!shown.isEmpty()) {
                    out.print("\033[" + shown.size() + "A\033[J");
                }
                lines.forEach(out::println);
            } else {
                for (String line : lines) {
                    if (!shown.contains(line)) out.println(line);
                }
            }
            out.flush();
            shown = lines;
            if (status.phase().terminal()) {
                return new Outcome(
                        status, status.phase() == Phase.PUBLISHED ? ExitCodes.OK : ExitCodes.RELEASE_NOT_PUBLISHED);
            }
            if (status.phase() == Phase.AWAITING_APPROVAL) {
                // What changed, once, where the decision is asked for.
                if (!approvalHinted) NotesSummary.of(releases, version).ifPresent(out::println);
                if (stopAtApproval) return new Outcome(status, ExitCodes.OK);
                if (!approvalHinted) {
                    ctx.err()
                            .println("waiting for a decision: ./fuse-release approve " + version
                                    + " --approver <name> --comment <text>   (or reject)");
                    approvalHinted = true;
                    if (ctx.interactive()) shown = List.of();
                }
            }
            if (!pause()) return new Outcome(status, ExitCodes.INTERNAL);
        }
        throw new CliException(ExitCodes.INTERNAL, "gave up watching " + version + " after " + MAX_POLLS + " polls");
    }
}
