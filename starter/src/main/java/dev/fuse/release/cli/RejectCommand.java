package dev.fuse.release.cli;

import dev.fuse.release.model.ReleaseStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reject", description = "Reject a release waiting for approval; nothing is published.")
public class RejectCommand implements Callable<Integer> {
  @ParentCommand FuseReleaseCli parent;
  @Mixin DecisionOptions options;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    ReleaseStatus status = ctx.releases().reject(options.version, options.decision(ctx));
    ctx.out().println("rejected release " + status.version() + ": nothing will be published");
    return ExitCodes.OK;
  }
}
