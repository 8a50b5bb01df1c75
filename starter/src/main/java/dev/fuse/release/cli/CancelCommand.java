package dev.fuse.release.cli;

import dev.fuse.release.contract.model.OperatorRequests;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "cancel",
        description = "Cancel a running release: who and why are checked against the approval policy, then its"
                + " pipelines are cancelled; nothing is published.")
public class CancelCommand implements Callable<Integer> {
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
        OperatorRequests.Cancel cancel = options.request(
                ctx,
                (who, signature) -> new OperatorRequests.Cancel(who, options.reason, signature),
                OperatorRequests.Cancel::problems,
                c -> c.statement(version));
        ctx.releases().cancel(version, cancel);
        if (options.output.json()) {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("version", version);
            reply.put("cancelRequested", true);
            ctx.out().println(Json.write(reply));
        } else {
            ctx.out()
                    .println("cancellation of release " + version + " requested; follow: ./fuse-release watch "
                            + version);
        }
        return ExitCodes.OK;
    }
}
