package dev.fuse.release.cli;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.ReleaseStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** approve and reject: the same arguments, one Update each. */
abstract class DecisionCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    DecisionOptions options;

    @Mixin
    HelpOption help;

    abstract ReleaseStatus decide(ReleaseClient releases, String version, ApprovalDecision decision);

    abstract String confirmation(ReleaseStatus status);

    abstract DecisionKind kind();

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        ApprovalDecision decision = options.decision(ctx, kind());
        ReleaseStatus status = decide(ctx.releases(), options.version, decision);
        ctx.out().println(confirmation(status));
        return ExitCodes.OK;
    }
}
