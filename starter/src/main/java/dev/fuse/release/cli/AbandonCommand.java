package dev.fuse.release.cli;

import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.ReleaseStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "abandon",
        description = "End a release that waits on a failed target; nothing is published, staging is kept.")
public class AbandonCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Parameters(index = "0", converter = VersionArgument.class, description = "Release version.")
    String version;

    @Mixin
    OperatorOptions options;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        OperatorRequests.Abandon abandon = options.request(
                ctx,
                (who, signature) -> new OperatorRequests.Abandon(who, options.reason, signature),
                OperatorRequests.Abandon::problems,
                a -> a.statement(version));
        ReleaseStatus status = ctx.releases().abandon(version, abandon);
        if (options.output.json()) {
            ctx.out().println(Json.write(status));
        } else {
            ctx.out().println("abandoning release " + version + ": nothing will be published");
        }
        return ExitCodes.OK;
    }
}
