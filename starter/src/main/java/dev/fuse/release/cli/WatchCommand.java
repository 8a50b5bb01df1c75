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
            // JSON Lines: the status as one object per line, each time it changes; the last is the end.
            return Watcher.followJson(ctx.releases(), args.version, ctx.out()).exitCode();
        }
        Watcher.Outcome outcome = Watcher.follow(ctx.releases(), args.version, ctx, false);
        return Watcher.printWhereToFindIt(outcome, ctx.out(), ctx.releases(), args.version);
    }
}
