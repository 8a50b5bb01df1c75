package dev.fuse.release.packaging;

import java.nio.file.Path;

/**
 * One file to put in an archive: its path inside the archive (without the root folder), where
 * its bytes come from, and whether it is executable (mode 0755, else 0644).
 */
public record ArchiveMember(String name, Path source, boolean executable) {}
