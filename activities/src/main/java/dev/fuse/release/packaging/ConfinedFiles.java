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
import java.util.Optional;

/**
 * The only way bytes get into an archive: a member's source must resolve, after following every
 * link, to a regular file inside one of the allowed roots (the build workspace, the checkout).
 * A link that leaves, a device, FIFO, socket or directory is refused with the member's name and
 * the reason. The file is opened without following a final link and checked again after it was
 * read, so a file swapped while it is read is refused too.
 *
 * <p>Paths are not enough: a hard link made by a build step ({@code ln /etc/passwd out/LICENSE})
 * has a path inside the workspace and the content of a file outside it. A member must therefore
 * also be the file's only link, and live on the same device as the root it is under (a mount of
 * another file system inside the workspace is refused). A member's name must be printable text:
 * a newline or an escape sequence in a name would rewrite the listing of anyone who looks at it.
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
        Optional<String> badName = MemberNames.problem(member);
        if (badName.isPresent()) {
            throw new BadArchiveException(archive, MemberNames.escaped(member), badName.get());
        }
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
        Path root = roots.stream().filter(real::startsWith).findFirst().orElse(null);
        if (root == null) {
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
        checkIdentity(archive, member, real, root);
        return real;
    }

    /** The file is its only link and lives on its root's device; where the platform has no such notion, skipped. */
    private static void checkIdentity(String archive, String member, Path real, Path root)
            throws IOException, BadArchiveException {
        Optional<Integer> links = unixAttribute(real, "nlink");
        if (links.isPresent() && links.get() > 1) {
            throw new BadArchiveException(
                    archive,
                    member,
                    "is a hard link (the file has " + links.get() + " names), so its content may be a file from"
                            + " outside the workspace; refusing to package it (copy the file, do not link it)");
        }
        Optional<Long> device = unixAttribute(real, "dev");
        Optional<Long> rootDevice = unixAttribute(root, "dev");
        if (device.isPresent() && rootDevice.isPresent() && !device.equals(rootDevice)) {
            throw new BadArchiveException(
                    archive,
                    member,
                    "lives on another file system than " + root + " (a mount inside the workspace); refusing to"
                            + " package it (copy the file into the build output)");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> unixAttribute(Path path, String name) throws IOException {
        try {
            return Optional.of((T) Files.getAttribute(path, "unix:" + name, LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // Not a POSIX file system (Windows): no link count or device to compare.
            return Optional.empty();
        }
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
        if (ConfinedFiles.<Integer>unixAttribute(source, "nlink").orElse(1) > 1) {
            throw new IOException("member " + member.name() + " became a hard link while it was being packaged; is a"
                    + " build process still running in the background?");
        }
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
