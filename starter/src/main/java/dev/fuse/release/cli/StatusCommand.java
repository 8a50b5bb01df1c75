package dev.fuse.release.cli;

import dev.fuse.release.model.ReleaseStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "Show the whole state of a release.")
public class StatusCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Parameters(index = "0", description = "Release version.")
    String version;

    @Option(names = "--output", defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help.")
    boolean help;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        ReleaseStatus status = ctx.releases().status(version);
        if (output == OutputFormat.json) {
            ctx.out().println(Json.write(status));
        } else {
            StatusView.lines(status).forEach(ctx.out()::println);
        }
        return ExitCodes.OK;
    }
}
