package dev.fuse.release.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "cancel", description = "Cancel a running release (Temporal cancellation); nothing is published.")
public class CancelCommand implements Callable<Integer> {
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
        ctx.releases().cancel(version);
        if (output == OutputFormat.json) {
            ctx.out().println(Json.write(Map.of("version", version, "cancelRequested", true)));
        } else {
            ctx.out()
                    .println("cancellation of release " + version + " requested; follow: ./fuse-release watch "
                            + version);
        }
        return ExitCodes.OK;
    }
}
