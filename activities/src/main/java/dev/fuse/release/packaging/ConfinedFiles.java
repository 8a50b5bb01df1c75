package dev.fuse.release.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The only way bytes get into an archive: a member's source must resolve, after following every
 * link, to a regular file inside one of the allowed roots (the build workspace, the checkout).
 * A link that leaves, a device, FIFO, socket or directory is refused with the member's name and
 * the reason. The file is opened without following a final link and checked again after it was
 * read, so a file swapped while it is read is refused too.
 */
public final class ConfinedFiles {
    private final List<Path> roots;

    public ConfinedFiles(Path... roots) throws IOException {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            real.add(root.toRealPath());
        }
        this.roots = List.copyOf(real);
    }

    /**
     * The checked real path of {@code member} under {@code dir}. {@code archive} names the archive
     * in messages. A member that does not exist at all is an {@link IOException} (the build did not
     * produce it); a member that exists but may not be packaged is a {@link BadArchiveException}.
     */
    public Path resolve(String archive, Path dir, String member) throws IOException, BadArchiveException {
        Path candidate = dir.resolve(member);
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(candidate.toString());
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new BadArchiveException(
                    archive,
                    member,
                    "is a link to a file that does not exist (" + Files.readSymbolicLink(candidate)
                            + "); refusing to package it");
        }
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new BadArchiveException(
                    archive,
                    member,
                    "resolves to " + real
                            + ", outside the build workspace and the checkout; refusing to package it (replace the link by the file)");
        }
        BasicFileAttributes attributes =
                Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new BadArchiveException(
                    archive, member, "is " + kind(attributes) + ", not a regular file; refusing to package it");
        }
        return real;
    }

    /**
     * Copies a checked member to {@code out}: exactly the size it had when checked, from the same
     * file (same file key) before and after reading, never through a final link.
     */
    public static long copy(ArchiveMember member, OutputStream out) throws IOException {
        Path source = member.source();
        BasicFileAttributes before = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!before.isRegularFile()) {
            throw new IOException("member " + member.name() + " is no longer a regular file (" + kind(before) + ")");
        }
        long copied;
        try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
            copied = in.transferTo(out);
        }
        BasicFileAttributes after = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (copied != before.size()
                || !Objects.equals(before.fileKey(), after.fileKey())
                || after.size() != before.size()
                || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
            throw new IOException("member " + member.name() + " changed while it was being packaged; is a build process"
                    + " still running in the background?");
        }
        return copied;
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) return "a directory";
        if (attributes.isSymbolicLink()) return "a symbolic link";
        return "a device, FIFO or socket";
    }
}
