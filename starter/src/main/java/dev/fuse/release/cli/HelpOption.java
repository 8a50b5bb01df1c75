package dev.fuse.release.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help}, declared once and mixed into every command. */
public class HelpOption {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help.")
    boolean help;
}
