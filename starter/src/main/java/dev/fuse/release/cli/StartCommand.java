package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.contract.model.NotesSince;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.git.Git;
import dev.fuse.release.metadata.SourceDateEpoch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "start", description = "Start a release of a revision.")
public class StartCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Option(names = "--version", required = true, description = "Release version, e.g. 0.4.1.")
    String version;

    @Option(names = "--revision", description = "Commit, tag or branch to release (required).")
    String revision;

    @Option(names = "--repo", description = "Git URL or path of the project (default: $FUSE_RELEASE_REPO).")
    String repo;

    @Option(
            names = "--target",
            split = ",",
            description = "Targets (default: all): linux-x64, macos-arm64, windows-x64.")
    List<String> targets;

    @Option(names = "--requested-by", description = "Who asks for the release (default: $USER).")
    String requestedBy;

    @Option(
            names = "--approval-timeout",
            defaultValue = "7d",
            description = "How long to wait for approval: 90s, 30m, 36h, 7d (default: ${DEFAULT-VALUE}).")
    String approvalTimeout;

    @Option(
            names = "--operator-window",
            defaultValue = "3d",
            description = "How long a failed target waits for an operator's retry or abandon before the release is"
                    + " abandoned (default: ${DEFAULT-VALUE}).")
    String operatorWindow;

    @Option(
            names = "--heartbeat-timeout",
            description = "How long a running activity may go silent before its worker counts as dead and another"
                    + " worker retries it: 5s to 10m (default: $FUSE_RELEASE_HEARTBEAT_TIMEOUT, else 60s; fault drills"
                    + " use seconds).")
    String heartbeatTimeout;

    @Option(
            names = "--source-date-epoch",
            description = "Override the commit time (default: $SOURCE_DATE_EPOCH, else the release commit's time).")
    String sourceDateEpoch;

    @Option(
            names = "--static",
            split = ",",
            description = "Link these targets statically (only linux-x64; never the default).")
    List<String> staticTargets;

    @Option(
            names = "--notes-since",
            paramLabel = "<version|commit>",
            description = "Start the notes' commit range here instead of at the previous published release"
                    + " (needs --reason; the notes record both).")
    String notesSince;

    @Option(
            names = "--reason",
            paramLabel = "<text>",
            description = "Why --notes-since overrides the previous published release as the notes' base.")
    String notesReason;

    @Option(names = "--watch", description = "Follow the release after starting it.")
    boolean watch;

    @Option(
            names = "--no-wait",
            description = "Return as soon as the release is started, before planning has checked"
                    + " the revision, recipe and contract (by default start waits for planning, a few seconds).")
    boolean noWait;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        ReleaseRequest request = request(ctx);
        ReleaseClient releases = ctx.releases();
        ReleaseClient.Started started = releases.start(request);
        ctx.out()
                .println("started release " + request.version() + ": workflow " + started.workflowId() + " run "
                        + started.runId());
        if (!noWait) {
            ReleaseClient.Planned planned =
                    releases.awaitPlanning(request.version(), pickupTimeout(ctx), PLANNING_TIMEOUT);
            if (!planned.ok()) {
                throw new CliException(
                        ErrorMapper.exitCodeOf(planned.failureType(), ExitCodes.RELEASE_NOT_PUBLISHED),
                        "release " + request.version() + " failed in planning: " + planned.failure());
            }
            ctx.out().println("planned: " + planned.phase().toLowerCase(Locale.ROOT) + " now");
        }
        ctx.out().println("  follow:   ./fuse-release watch " + request.version());
        ctx.out()
                .println("  decide:   ./fuse-release approve " + request.version()
                        + " --approver <name> --comment <text>");
        if (watch) {
            Watcher.Outcome outcome = Watcher.follow(releases, request.version(), ctx, false);
            return Watcher.printWhereToFindIt(outcome, ctx.out(), releases, request.version());
        }
        return ExitCodes.OK;
    }

    ReleaseRequest request(CliContext ctx) {
        String repository = repo != null ? repo : ctx.env().get("FUSE_RELEASE_REPO");
        String epochText = sourceDateEpoch != null ? sourceDateEpoch : ctx.env().get("SOURCE_DATE_EPOCH");
        Long epoch = null;
        if (epochText != null && !epochText.isBlank()) {
            try {
                epoch = SourceDateEpoch.parse(epochText.trim());
            } catch (IllegalArgumentException e) {
                throw new CliException(
                        ExitCodes.BAD_INPUT,
                        e.getMessage() + " (from "
                                + (sourceDateEpoch != null ? "--source-date-epoch" : "the SOURCE_DATE_EPOCH variable")
                                + ")");
            }
        }
        String requester = requestedBy != null ? requestedBy : ctx.userName();
        ReleaseRequest request = ReleaseRequest.builder(version, repository, revision)
                .targets(targets == null ? Target.allIds() : targets)
                .requestedBy(requester)
                .sourceDateEpoch(epoch)
                .approvalTimeoutSeconds(Durations.parseSeconds(approvalTimeout, "--approval-timeout"))
                .staticTargets(staticTargets)
                .operatorWindowSeconds(Durations.parseSeconds(operatorWindow, "--operator-window"))
                .heartbeatTimeoutSeconds(heartbeatTimeout(ctx))
                .notesSince(notesSince())
                .build();
        checkLocalRepository(repository, revision);
        return request;
    }

    private NotesSince notesSince() {
        if (notesSince == null && notesReason != null) {
            throw new CliException(
                    ExitCodes.BAD_INPUT,
                    "--reason explains --notes-since and means nothing without it; pass --notes-since"
                            + " <version|commit> too, or leave --reason out");
        }
        return notesSince == null ? null : new NotesSince(notesSince, notesReason);
    }

    private Long heartbeatTimeout(CliContext ctx) {
        if (heartbeatTimeout != null) {
            return Durations.parseSeconds(heartbeatTimeout, "--heartbeat-timeout");
        }
        String fromEnv = ctx.env().get("FUSE_RELEASE_HEARTBEAT_TIMEOUT");
        return fromEnv == null || fromEnv.isBlank()
                ? null
                : Durations.parseSeconds(fromEnv.trim(), "FUSE_RELEASE_HEARTBEAT_TIMEOUT");
    }

    /** For a local repository, a missing revision is caught before any workflow starts. */
    static void checkLocalRepository(String repository, String revision) {
        if (repository.contains("://") || repository.matches("^[^/]+@[^/]+:.*")) {
            return;
        }
        Path path = Path.of(repository);
        if (!Files.isDirectory(path)) {
            throw new CliException(
                    ExitCodes.BAD_INPUT, "repository " + repository + " does not exist; pass --repo <git url or path>");
        }
        try {
            Git.resolve(path, revision);
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.BAD_INPUT,
                    "revision '" + revision + "' does not exist in " + repository
                            + " (or it is not a git repository); pass --revision <commit, tag or branch>");
        }
    }

    /**
     * A worker normally takes a new release within a second; half a minute means none serves it.
     * FUSE_RELEASE_PICKUP_TIMEOUT (e.g. 5s, 2m) changes it.
     */
    static Duration pickupTimeout(CliContext ctx) {
        String text = ctx.env().get("FUSE_RELEASE_PICKUP_TIMEOUT");
        long seconds =
                text == null || text.isBlank() ? 30 : Durations.parseSeconds(text, "FUSE_RELEASE_PICKUP_TIMEOUT");
        return Duration.ofSeconds(seconds);
    }
    /** Planning clones and validates; ten minutes covers a large repository over a slow link. */
    static final Duration PLANNING_TIMEOUT = Duration.ofMinutes(10);
}
