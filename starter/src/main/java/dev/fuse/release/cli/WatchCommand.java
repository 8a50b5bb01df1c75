package dev.fuse.release.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "watch", description = "Follow a release until it is published, rejected or failed.")
public class WatchCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Parameters(index = "0", description = "Release version.")
    String version;

    @Option(names = "--output", defaultValue = "text", description = "text or json (json prints the final status).")
    OutputFormat output;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help.")
    boolean help;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        if (output == OutputFormat.json) {
            CliContext quiet = new CliContext(
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), ctx.err(), ctx.env(), false);
            Watcher.Outcome outcome = Watcher.follow(ctx.releases(), version, quiet, false);
            ctx.out().println(Json.write(outcome.status()));
            return outcome.exitCode();
        }
        Watcher.Outcome outcome = Watcher.follow(ctx.releases(), version, ctx, false);
        return Watcher.printWhereToFindIt(outcome, ctx.out(), ctx.releases(), version);
    }
}
