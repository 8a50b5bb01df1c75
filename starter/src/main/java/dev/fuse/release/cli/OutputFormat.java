package dev.fuse.release.cli;

/** {@code --output} of read commands: text for people, json for scripts. */
public enum OutputFormat {
    text,
    json
}
