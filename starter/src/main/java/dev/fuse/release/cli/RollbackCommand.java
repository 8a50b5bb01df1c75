package dev.fuse.release.cli;

import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "rollback",
        description = "Take a published release back: latest.json moves to an earlier published version and"
                + " the release is marked yanked; nothing published is deleted.")
public class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Parameters(index = "0", converter = VersionArgument.class, description = "The published version to take back.")
    String version;

    @Option(
            names = "--to",
            description = "Where latest points afterwards (default: the newest published version before).")
    String to;

    @Mixin
    OperatorOptions options;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        RollbackRequest request = options.request(
                ctx,
                (who, signature) -> new RollbackRequest(version, to, who, options.reason, 0L, signature),
                RollbackRequest::problems,
                RollbackRequest::statement);
        RollbackResult result = ctx.releases().rollbacks().run(request);
        if (options.output.json()) {
            ctx.out().println(Json.write(result));
        } else {
            ctx.out()
                    .println("rolled back release " + version + ": yanked ("
                            + result.marker().key() + "), latest is now " + result.latest());
        }
        return ExitCodes.OK;
    }
}
