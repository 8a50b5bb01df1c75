package dev.fuse.release.cli;

import dev.fuse.release.model.ReleaseStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "approve", description = "Approve a release waiting for approval; it is then published.")
public class ApproveCommand implements Callable<Integer> {
  @ParentCommand FuseReleaseCli parent;
  @Mixin DecisionOptions options;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    ReleaseStatus status = ctx.releases().approve(options.version, options.decision(ctx));
    ctx.out().println("approved release " + status.version() + " (manifest sha256 " + status.metadata().manifest().sha256()
        + "); publishing. Follow: ./fuse-release watch " + status.version());
    return ExitCodes.OK;
  }
}
