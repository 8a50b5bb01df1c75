package dev.fuse.release.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The official release targets of the contract. The id is a wire name: it appears in task queue
 * names, workflow ids, S3 keys and artifact names, so it never changes.
 */
public enum Target {
    LINUX_X64("linux-x64", "x86_64-unknown-linux-gnu", ArchiveFormat.TAR_GZ, ""),
    MACOS_ARM64("macos-arm64", "aarch64-apple-darwin", ArchiveFormat.TAR_GZ, ""),
    WINDOWS_X64("windows-x64", "x86_64-pc-windows-msvc", ArchiveFormat.ZIP, ".exe");

    private final String id;
    private final String triple;
    private final ArchiveFormat archiveFormat;
    private final String executableSuffix;

    Target(String id, String triple, ArchiveFormat archiveFormat, String executableSuffix) {
        this.id = id;
        this.triple = triple;
        this.archiveFormat = archiveFormat;
        this.executableSuffix = executableSuffix;
    }

    public String id() {
        return id;
    }

    public String triple() {
        return triple;
    }

    public ArchiveFormat archiveFormat() {
        return archiveFormat;
    }

    public String executableSuffix() {
        return executableSuffix;
    }

    public static Optional<Target> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** Parses a target id or fails with a message that lists the valid ids. */
    public static Target parse(String id) {
        return fromId(id)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown target '" + id + "': use one of " + String.join(", ", allIds())));
    }

    public static List<String> allIds() {
        return Arrays.stream(values()).map(Target::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
