package dev.fuse.release.cli;

import dev.fuse.release.model.ApprovalDecision;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments approve and reject share. */
class DecisionOptions {
    @Parameters(index = "0", description = "Release version.")
    String version;

    @Option(names = "--approver", description = "Your name (default: $FUSE_RELEASE_APPROVER, else $USER).")
    String approver;

    @Option(names = "--comment", description = "Why (required).")
    String comment;

    @Option(
            names = "--manifest-sha256",
            description = "Bind the decision to the manifest you reviewed (shown by status).")
    String manifestSha256;

    ApprovalDecision decision(CliContext ctx, String verb) {
        String who = approver != null ? approver : ctx.env().getOrDefault("FUSE_RELEASE_APPROVER", ctx.userName());
        ApprovalDecision decision = new ApprovalDecision(who, comment, manifestSha256);
        // The release's validator has the last word; checking here too answers without a round trip.
        java.util.List<String> problems = decision.problems(verb);
        if (!problems.isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, String.join("; ", problems));
        }
        return decision;
    }
}
