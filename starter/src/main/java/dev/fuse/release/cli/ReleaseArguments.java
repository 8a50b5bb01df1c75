package dev.fuse.release.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What status, watch, download and cancel share: the release version, the output format, help. */
class ReleaseArguments {
    @Parameters(index = "0", converter = VersionArgument.class, description = "Release version.")
    String version;

    @Mixin
    OutputOption output;

    @Mixin
    HelpOption help;

    boolean json() {
        return output.json();
    }
}
