package dev.fuse.release.cli;

import dev.fuse.release.client.ApprovalSigner;
import dev.fuse.release.contract.model.OperatorRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Who acts, why, and optionally their signature: what retry, abandon, cancel and rollback share. */
class OperatorOptions {
    @Option(
            names = "--operator",
            description = "Who acts (default: $USER). With --key, the key's principal under the approval policy.")
    String operator;

    @Option(names = "--reason", description = "Why (required).")
    String reason;

    @Mixin
    OutputOption output;

    @Option(
            names = "--key",
            description = "Sign the action with this SSH key (a private key, or a .pub whose key is in your"
                    + " ssh-agent; default: $FUSE_RELEASE_APPROVAL_KEY). Required where the policy requires"
                    + " signed approvals.")
    Path key;

    /** Who acts: --operator, else (unsigned) $USER; with a key and no --operator, the server takes the principal. */
    String operator(CliContext ctx) {
        if (operator != null) return operator;
        return signingKey(ctx) != null ? "" : ctx.userName();
    }

    /**
     * The request this command sends: built with who acts, checked here before anything connects
     * (a signed request may leave the name to its key), then signed over its statement when a
     * key is given.
     *
     * @param make builds the request from the operator and the signature (null: unsigned)
     * @param statement what a signature of the request covers
     */
    <T> T request(
            CliContext ctx,
            BiFunction<String, String, T> make,
            Function<T, List<String>> problems,
            Function<T, String> statement) {
        String who = operator(ctx);
        List<String> found = problems.apply(make.apply(who, who.isEmpty() ? "-" : null));
        if (!found.isEmpty()) throw new CliException(ExitCodes.BAD_INPUT, String.join("; ", found));
        return make.apply(who, signature(ctx, statement.apply(make.apply(who, null))));
    }

    /**
     * The SSH signature of {@code statement} in the operator namespace, or null without a key. A
     * key that cannot sign is bad input (exit 2); ssh-keygen missing is the machine's (exit 4).
     */
    String signature(CliContext ctx, String statement) {
        Path key = signingKey(ctx);
        if (key == null) return null;
        if (!Files.isReadable(key)) {
            throw new CliException(
                    ExitCodes.BAD_INPUT,
                    "--key " + key + " is not a readable file: pass your SSH private key, or its .pub file to use"
                            + " the key in your ssh-agent");
        }
        try {
            return ApprovalSigner.sign(key, OperatorRequests.NAMESPACE, statement);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        } catch (IllegalStateException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, e.getMessage());
        }
    }

    private Path signingKey(CliContext ctx) {
        if (key != null) return key;
        String fromEnv = ctx.env().get("FUSE_RELEASE_APPROVAL_KEY");
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }
}
