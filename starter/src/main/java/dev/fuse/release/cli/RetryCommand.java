package dev.fuse.release.cli;

import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Target;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "retry", description = "Run a failed target's pipeline again; the release goes on when it succeeds.")
public class RetryCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Parameters(index = "0", converter = VersionArgument.class, description = "Release version.")
    String version;

    @Parameters(index = "1", description = "The failed target: linux-x64, macos-arm64 or windows-x64.")
    String target;

    @Mixin
    OperatorOptions options;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        Target parsed = Target.fromId(target)
                .orElseThrow(() ->
                        new CliException(ExitCodes.BAD_INPUT, "unknown target '" + target + "': " + Target.validIds()));
        OperatorRequests.Retry retry = options.request(
                ctx,
                (who, signature) -> new OperatorRequests.Retry(parsed, who, options.reason, signature),
                OperatorRequests.Retry::problems,
                r -> r.statement(version));
        ReleaseStatus status = ctx.releases().retry(version, retry);
        if (options.output.json()) {
            ctx.out().println(Json.write(status));
        } else {
            ctx.out()
                    .println("retrying " + target + " of release " + version + " (" + Text.safe(retry.reason())
                            + "); follow: ./fuse-release watch " + version);
        }
        return ExitCodes.OK;
    }
}
