package dev.fuse.release.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json}, declared once: with json, results and errors are JSON on stdout. */
public class OutputOption {
    @Option(names = "--output", defaultValue = "text", description = "text or json.")
    OutputFormat output = OutputFormat.text;

    public boolean json() {
        return output == OutputFormat.json;
    }
}
