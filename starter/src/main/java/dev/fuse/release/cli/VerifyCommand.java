package dev.fuse.release.cli;

import dev.fuse.release.audit.AuditReport;
import dev.fuse.release.audit.LedgerAudit;
import dev.fuse.release.audit.LedgerHead;
import dev.fuse.release.audit.ReleaseAudit;
import dev.fuse.release.audit.ReleaseFiles;
import dev.fuse.release.ledger.LedgerState;
import dev.fuse.release.ledger.ReleaseLedger;
import dev.fuse.release.signature.AllowedSigners;
import dev.fuse.release.signature.SignatureProblem;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Audits published releases: signatures, every digest, the manifest, the evidence, the approvals. */
@Command(
        name = "verify",
        description = "Check a published release (or --all of them): the SHA256SUMS signature, every digest, the"
                + " manifest, the signed provenance and that approvers signed off this manifest.")
public class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    FuseReleaseCli parent;

    @Parameters(
            index = "0",
            converter = VersionArgument.class,
            arity = "0..1",
            description = "Release version (or --all).")
    String version;

    @Option(names = "--all", description = "Verify every published release in the bucket.")
    boolean all;

    @Option(
            names = "--ledger-head",
            description = "With --all: a file on the audit host that keeps the ledger head this audit saw; the"
                    + " next audit reports a ledger that got shorter or whose head changed (created on first use).")
    Path ledgerHead;

    @Option(names = "--dir", description = "Verify a downloaded release in this folder instead of the bucket.")
    Path dir;

    @Option(
            names = "--allowed-signers",
            description = "Who may sign releases: an OpenSSH allowed_signers file with the principal fuse-release"
                    + " (default: $FUSE_RELEASE_ALLOWED_SIGNERS).")
    Path allowedSigners;

    @Mixin
    OutputOption output;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        if (all == (version != null)) {
            throw new CliException(ExitCodes.BAD_INPUT, "name one release version, or pass --all (not both)");
        }
        if (all && dir != null) throw new CliException(ExitCodes.BAD_INPUT, "--dir verifies one release; drop --all");
        if (!all && ledgerHead != null) {
            throw new CliException(
                    ExitCodes.BAD_INPUT, "--ledger-head keeps the head of a whole-ledger audit; add --all");
        }
        AllowedSigners trusted = trusted(ctx);
        ReleaseAudit audit = new ReleaseAudit(trusted);
        LedgerAudit ledger = new LedgerAudit(trusted);
        List<AuditReport> reports = new ArrayList<>();
        AuditReport ledgerReport = all ? ledger.audit(ctx.store()) : null;
        if (ledgerReport != null) checkRollbacksInHistory(ctx, ledgerReport);
        try {
            if (ledgerReport != null && ledgerHead != null) checkLedgerHead(ctx, ledgerReport);
            for (String v : all ? publishedVersions(ctx) : List.of(version)) {
                AuditReport report = verify(ctx, audit, v);
                if (dir == null) ledger.checkVersion(ctx.store(), v, report);
                reports.add(report);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, "cannot read the release: " + e.getMessage());
        }
        boolean ok = reports.stream().allMatch(AuditReport::ok) && (ledgerReport == null || ledgerReport.ok());
        if (output.json()) {
            ctx.out().println(Json.write(json(ledgerReport, reports, ok)));
        } else {
            if (ledgerReport != null) print(ctx, "the release ledger", ledgerReport);
            reports.forEach(r -> print(ctx, "release " + Text.safe(r.version()), r));
        }
        return ok ? ExitCodes.OK : ExitCodes.RELEASE_NOT_PUBLISHED;
    }

    private AuditReport verify(CliContext ctx, ReleaseAudit audit, String v) throws IOException {
        ReleaseFiles files = dir != null ? ReleaseFiles.inDirectory(dir) : ReleaseFiles.inBucket(ctx.store(), v);
        AuditReport report = audit.audit(v, files);
        if (dir == null) new ApprovalHistoryCheck(ctx, v, files).addTo(report);
        return report;
    }

    private AllowedSigners trusted(CliContext ctx) {
        String fromEnv = ctx.env().get("FUSE_RELEASE_ALLOWED_SIGNERS");
        // Set but empty counts as not set: "cannot read allowed signers : Is a directory" helps nobody.
        Path file = allowedSigners != null
                ? allowedSigners
                : fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv.strip());
        if (file == null) {
            throw new CliException(
                    ExitCodes.BAD_INPUT,
                    "no trusted release key: pass --allowed-signers FILE (the"
                            + " allowed_signers line of the release key, from a source you trust) or set FUSE_RELEASE_ALLOWED_SIGNERS");
        }
        try {
            return AllowedSigners.parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "allowed signers file " + file + " does not exist");
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "it is a directory, not an allowed_signers file" : e.getMessage();
            throw new CliException(ExitCodes.BAD_INPUT, "cannot read allowed signers " + file + ": " + why);
        } catch (SignatureProblem e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage().replace('\n', ';'));
        }
    }

    /**
     * The head the last audit saw must still be in the ledger (a chain cannot show that its tail
     * was cut off); the head seen now is kept for the next audit only when the ledger verified.
     */
    private void checkLedgerHead(CliContext ctx, AuditReport report) throws IOException {
        List<ReleaseLedger.Stored> entries = new ReleaseLedger(ctx.store()).read();
        Optional<LedgerHead> seen = LedgerHead.read(ledgerHead);
        seen.ifPresent(head -> head.checkStillIn(entries, report));
        if (seen.isEmpty()) report.skipped("no ledger head recorded in " + ledgerHead + " yet (first audit)");
        if (report.ok()) {
            Optional<LedgerHead> now = LedgerHead.of(entries);
            if (now.isPresent()) now.get().write(ledgerHead);
        }
    }

    /**
     * With Temporal reachable, every rollback the ledger records ran as a rollback workflow that
     * completed. Temporal forgets executions after its retention period (and the dev stack on
     * restart), so one it does not know is skipped, not a problem.
     */
    private static void checkRollbacksInHistory(CliContext ctx, AuditReport report) {
        Set<String> yanked =
                LedgerState.of(new ReleaseLedger(ctx.store()).read()).yanked().keySet();
        if (yanked.isEmpty()) return;
        try {
            for (String v : yanked) {
                Optional<String> status = ctx.releases().rollbacks().status(v);
                if (status.isEmpty()) report.skipped("Temporal no longer knows the rollback of " + v);
                else if (!status.get().equals("COMPLETED")) {
                    report.problem(new AuditReport.Problem(
                            "Temporal history of fuse-rollback-" + v, "status", "COMPLETED", status.get()));
                } else report.held("the rollback of " + v + " completed in Temporal, as the ledger records");
            }
        } catch (RuntimeException e) {
            report.skipped(
                    "rollbacks in Temporal history not checked: " + ApprovalHistoryCheck.firstLine(e.getMessage()));
        }
    }

    /** Every version the bucket holds a marker for, and every one the ledger says was published. */
    private static List<String> publishedVersions(CliContext ctx) {
        Set<String> versions = new TreeSet<>(LedgerState.of(new ReleaseLedger(ctx.store()).read())
                .published()
                .keySet());
        for (String folder : ctx.store().listFolders("releases/")) {
            String v = folder.substring("releases/".length()).replace("/", "");
            if (ctx.store().exists(StoreLayout.publishedMarker(v))) versions.add(v);
        }
        if (versions.isEmpty())
            throw new CliException(
                    ExitCodes.NOT_FOUND,
                    "no published release in " + ctx.store().describe());
        return List.copyOf(versions);
    }

    private static void print(CliContext ctx, String subject, AuditReport r) {
        ctx.out()
                .println(subject + ": "
                        + (r.ok() ? "verified" : "NOT VERIFIED, " + r.problems().size() + " problem(s)"));
        r.problems().forEach(p -> ctx.out().println("  FAIL " + Text.safe(p.line())));
        r.checks().forEach(c -> ctx.out().println("  ok   " + c));
        r.skipped().forEach(s -> ctx.out().println("  skip " + s));
    }

    /** {@code ledger} is present with --all only; {@code releases} lists every release verified. */
    private static Map<String, Object> json(AuditReport ledger, List<AuditReport> reports, boolean ok) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("verified", ok);
        if (ledger != null) root.put("ledger", json(ledger));
        root.put("releases", reports.stream().map(VerifyCommand::json).toList());
        return root;
    }

    private static Map<String, Object> json(AuditReport r) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("version", r.version());
        one.put("verified", r.ok());
        one.put("problems", r.problems());
        one.put("checks", r.checks());
        one.put("skipped", r.skipped());
        return one;
    }
}
