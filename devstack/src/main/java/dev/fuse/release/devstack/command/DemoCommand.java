package dev.fuse.release.devstack.command;

import dev.fuse.release.cli.CliContext;
import dev.fuse.release.cli.CliException;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.cli.FuseReleaseCli;
import dev.fuse.release.cli.HelpOption;
import dev.fuse.release.cli.Text;
import dev.fuse.release.cli.Watcher;
import dev.fuse.release.client.CliEnvironment;
import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.client.ReleaseDownload;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.git.ExampleRepository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A full release of the example project on a fresh embedded stack: start, progress, approval,
 * publication, then a download checked against SHA256SUMS.
 */
@Command(name = "demo", description = "Release the example project end to end on a fresh embedded stack.")
public class DemoCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Option(
            names = "--version",
            defaultValue = "0.4.0",
            description = "Version to release (default: ${DEFAULT-VALUE}).")
    String version;

    @ArgGroup(exclusive = true)
    Decision decision;

    static class Decision {
        @Option(names = "--approve", description = "Approve without asking.")
        boolean approve;

        @Option(names = "--reject", description = "Reject without asking.")
        boolean reject;
    }

    @Option(names = "--data-dir", description = "Data directory (default: a new .fuse-release/demo/<time> per run).")
    Path dataDir;

    @Option(names = "--example", description = "Example project (default: examples/fuse-hello in the checkout).")
    Path example;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        PrintStream out = ctx.out();
        Path home = CliEnvironment.home(ctx.env());
        Path data = dataDirectory(home);
        Files.createDirectories(data);
        Path source = example != null ? example : home.resolve("examples/fuse-hello");
        Path repo = data.resolve("example-repo");
        String commit = ExampleRepository.prepare(source, repo);
        out.println("fuse-release demo: releasing " + source.getFileName() + " " + version + " (commit "
                + commit.substring(0, 12) + ")");
        out.println("  data directory " + data);
        try (DevStack stack = DevStack.start(data, 0, 0)) {
            out.println("  embedded stack: Temporal " + stack.env().get("TEMPORAL_ADDRESS") + ", S3 "
                    + stack.env().get("AWS_ENDPOINT_URL_S3"));
            out.println();
            return release(ctx, stack, repo, data);
        }
    }

    /** A fresh folder under .fuse-release/demo, or the one asked for if it holds no demo yet. */
    private Path dataDirectory(Path home) {
        Path data = dataDir != null
                ? dataDir.toAbsolutePath()
                : home.resolve(".fuse-release/demo")
                        .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        if (dataDir != null && Files.isDirectory(data.resolve("s3"))) {
            throw new CliException(
                    ExitCodes.CONFLICT,
                    "data directory " + data + " already holds a demo; omit --data-dir to get a fresh one");
        }
        return data;
    }

    /** Start, follow to the decision, decide, follow to the end, and show where the release is. */
    private int release(CliContext ctx, DevStack stack, Path repo, Path data) throws Exception {
        PrintStream out = ctx.out();
        ReleaseClient releases = new ReleaseClient(stack.connection(), stack.store());
        ReleaseRequest request = ReleaseRequest.builder(version, repo.toString(), ExampleRepository.BRANCH)
                .targets(Target.allIds())
                .requestedBy(ctx.userName())
                .approvalTimeoutSeconds(24 * 3600L)
                .build();
        releases.start(request);
        Watcher.Outcome building = Watcher.follow(releases, version, ctx, true);
        if (building.status().phase().terminal()) {
            out.println();
            out.println("release " + version + " ended " + building.status().phase() + " before approval: "
                    + Text.safe(building.status().failure()));
            out.println("  logs: " + data.resolve("s3")
                    + " (logs/ prefix), worker log .fuse-release/logs/fuse-release.log");
            return ExitCodes.RELEASE_NOT_PUBLISHED;
        }
        decide(ctx, releases, building.status());
        Watcher.Outcome done = Watcher.follow(releases, version, ctx, false);
        out.println();
        if (done.status().phase() != Phase.PUBLISHED) {
            out.println("release " + version + " " + done.status().phase() + ": nothing was published ("
                    + Text.safe(done.status().failure()) + ")");
            return ExitCodes.RELEASE_NOT_PUBLISHED;
        }
        summarize(ctx, stack, done.status(), data);
        return ExitCodes.OK;
    }

    /** Who approves in the demo: someone other than the requester, as the default policy demands. */
    static final String DEMO_APPROVER = "demo-approver";

    private void decide(CliContext ctx, ReleaseClient releases, ReleaseStatus status) throws Exception {
        String manifest = status.metadata().manifest().sha256();
        String evidence =
                status.reports() == null ? null : status.reports().json().sha256();
        // The default policy never lets the requester (this user) approve: the demo decides as a second person.
        String who = DEMO_APPROVER;
        if (decision != null && decision.approve) {
            releases.approve(
                    version,
                    new ApprovalDecision(who, "approved by fuse-release demo --approve", manifest, evidence, null));
            ctx.out()
                    .println("approved (--approve) as " + who + ", not the requester " + Text.safe(ctx.userName())
                            + "; manifest sha256 " + manifest);
            return;
        }
        if (decision != null && decision.reject) {
            releases.reject(
                    version,
                    new ApprovalDecision(who, "rejected by fuse-release demo --reject", manifest, evidence, null));
            ctx.out().println("rejected (--reject)");
            return;
        }
        if (!ctx.interactive()) {
            throw new CliException(
                    ExitCodes.BAD_INPUT,
                    "release " + version
                            + " waits for approval and there is no terminal to ask: rerun with --approve or --reject");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ctx.out()
                .print("Publish release " + version + " (manifest sha256 " + manifest.substring(0, 16)
                        + "...)? [y/N] ");
        ctx.out().flush();
        String answer = in.readLine();
        boolean yes = answer != null && answer.trim().toLowerCase().startsWith("y");
        ctx.out().print("Comment: ");
        ctx.out().flush();
        String comment = in.readLine();
        if (comment == null || comment.isBlank()) comment = yes ? "approved in the demo" : "rejected in the demo";
        ApprovalDecision typed = new ApprovalDecision(who, comment, manifest, evidence, null);
        if (yes) {
            releases.approve(version, typed);
        } else {
            releases.reject(version, typed);
        }
    }

    private void summarize(CliContext ctx, DevStack stack, ReleaseStatus status, Path data) throws Exception {
        PrintStream out = ctx.out();
        Path downloads = data.resolve("downloads").resolve(version);
        ReleaseDownload.Downloaded d = ReleaseDownload.download(stack.store(), version, downloads);
        out.println(
                "published release " + version + " to s3://" + stack.store().bucket() + "/" + status.publishedPrefix());
        out.println("  on disk (S3Proxy filesystem backend): " + stack.objectPath(status.publishedPrefix()));
        out.println("  downloaded to " + downloads + " and checked against SHA256SUMS and evidence/SHA256SUMS:");
        d.checks().forEach(c -> out.println("    " + c));
        out.println("  check it yourself:  cd " + downloads + " && " + ReleaseDownload.STOCK_CHECK);
        out.println("  or all of it (signature, digests, provenance, approvals): ./fuse-release verify " + version
                + " --allowed-signers " + data.resolve("signing/allowed_signers"));
        out.println("  " + status.artifacts().size() + " artifacts, manifest sha256 "
                + status.metadata().manifest().sha256());
        boolean emulated = status.artifacts().stream().anyMatch(a -> a.host().emulated());
        if (emulated) {
            out.println(
                    "  note: macOS and Windows artifacts were built in emulated mode on this host and are marked so in release-artifacts.json");
        }
    }
}
