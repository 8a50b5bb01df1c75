package dev.fuse.release.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "cancel", description = "Cancel a running release (Temporal cancellation); nothing is published.")
public class CancelCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    ReleaseArguments args;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        ctx.releases().cancel(args.version);
        if (args.json()) {
            ctx.out().println(Json.write(Map.of("version", args.version, "cancelRequested", true)));
        } else {
            ctx.out()
                    .println("cancellation of release " + args.version + " requested; follow: ./fuse-release watch "
                            + args.version);
        }
        return ExitCodes.OK;
    }
}
