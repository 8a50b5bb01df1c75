package dev.fuse.release.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What status, watch, download and cancel share: the release version, the output format, help. */
class ReleaseArguments {
    @Parameters(index = "0", converter = VersionArgument.class, description = "Release version.")
    String version;

    @Option(names = "--output", defaultValue = "text", description = "text or json.")
    OutputFormat output;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help.")
    boolean help;

    boolean json() {
        return output == OutputFormat.json;
    }
}
