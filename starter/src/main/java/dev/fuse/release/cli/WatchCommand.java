package dev.fuse.release.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "watch", description = "Follow a release until it is published, rejected or failed.")
public class WatchCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    ReleaseArguments args;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        if (args.json()) {
            CliContext quiet = new CliContext(
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), ctx.err(), ctx.env(), false);
            Watcher.Outcome outcome = Watcher.follow(ctx.releases(), args.version, quiet, false);
            ctx.out().println(Json.write(outcome.status()));
            return outcome.exitCode();
        }
        Watcher.Outcome outcome = Watcher.follow(ctx.releases(), args.version, ctx, false);
        return Watcher.printWhereToFindIt(outcome, ctx.out(), ctx.releases(), args.version);
    }
}
