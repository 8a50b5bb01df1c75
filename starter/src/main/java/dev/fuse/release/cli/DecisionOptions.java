package dev.fuse.release.cli;

import dev.fuse.release.client.ApprovalSigner;
import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.ApprovalRecord;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.ReleaseStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments approve and reject share, and how they become a (signed) decision. */
class DecisionOptions {
    @Parameters(index = "0", converter = VersionArgument.class, description = "Release version.")
    String version;

    @Option(
            names = "--approver",
            description = "Your name (default: $FUSE_RELEASE_APPROVER, else $USER). With --key, the key's principal"
                    + " in the policy's allowed signers is who you are, and this may be left out.")
    String approver;

    @Option(names = "--comment", description = "Why (required): the rationale kept with your decision.")
    String comment;

    @Option(
            names = "--manifest-sha256",
            description = "The release-artifacts.json digest you reviewed (status shows it; default: the staged one).")
    String manifestSha256;

    @Option(
            names = "--evidence-sha256",
            description = "The slo-report.json digest you reviewed (status shows it; default: the staged one).")
    String evidenceSha256;

    @Option(
            names = "--key",
            description = "Sign the decision with this SSH key (a private key, or a .pub whose key is in your"
                    + " ssh-agent; default: $FUSE_RELEASE_APPROVAL_KEY).")
    Path key;

    ApprovalDecision decision(CliContext ctx, DecisionKind kind) {
        String verb = kind == DecisionKind.REJECTED ? "reject" : "approve";
        Path signingKey = key != null ? key : pathOrNull(ctx.env().get("FUSE_RELEASE_APPROVAL_KEY"));
        String who = approver != null
                ? approver
                : signingKey != null ? null : ctx.env().getOrDefault("FUSE_RELEASE_APPROVER", ctx.userName());
        // Check what can be checked here first: a typo is answered without a round trip.
        List<String> problems = new ApprovalDecision(
                        who, comment, manifestSha256, evidenceSha256, signingKey == null ? null : "-")
                .problems(verb);
        if (!problems.isEmpty()) throw new CliException(ExitCodes.BAD_INPUT, String.join("; ", problems));
        if (signingKey != null && !Files.isReadable(signingKey)) {
            throw new CliException(
                    ExitCodes.BAD_INPUT,
                    "--key " + signingKey + " is not a readable file: pass your SSH"
                            + " private key, or its .pub file to use the key in your ssh-agent");
        }
        String manifest = manifestSha256;
        String evidence = evidenceSha256;
        if (manifest == null || evidence == null) {
            ReleaseStatus staged = ctx.releases().status(version);
            if (manifest == null && staged.metadata() != null)
                manifest = staged.metadata().manifest().sha256();
            if (evidence == null && staged.reports() != null)
                evidence = staged.reports().json().sha256();
            ctx.err()
                    .println("deciding on manifest sha256 " + manifest + ", evidence sha256 "
                            + (evidence == null ? "none" : evidence) + " (as staged now)");
        }
        String signature = null;
        if (signingKey != null) {
            String statement = ApprovalRecord.statement(kind, version, lower(manifest), lower(evidence));
            try {
                signature = ApprovalSigner.sign(signingKey, ApprovalRecord.NAMESPACE, statement);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
            } catch (IllegalStateException e) {
                throw new CliException(ExitCodes.UNAVAILABLE, e.getMessage());
            }
        }
        return new ApprovalDecision(who, comment, manifest, evidence, signature);
    }

    private static String lower(String digest) {
        return digest == null ? null : digest.trim().toLowerCase(Locale.ROOT);
    }

    private static Path pathOrNull(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
