package dev.fuse.release.cli;

import picocli.CommandLine.Option;

/** Who acts and why: what retry and abandon share. */
class OperatorOptions {
    @Option(names = "--operator", description = "Who acts (default: $USER).")
    String operator;

    @Option(names = "--reason", description = "Why (required).")
    String reason;

    @Option(names = "--output", defaultValue = "text", description = "text or json (json prints the release status).")
    OutputFormat output;

    String operator(CliContext ctx) {
        return operator != null ? operator : ctx.userName();
    }
}
