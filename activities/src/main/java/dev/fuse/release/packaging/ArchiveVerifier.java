package dev.fuse.release.packaging;

import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.support.Sha256;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Opens an archive completely and checks it is safe and whole before anything is staged or
 * published: every byte read (gzip trailer, zip CRCs), no absolute or parent paths, no link
 * leaving the archive, no duplicates, no device files, sane sizes, expected members present.
 */
public final class ArchiveVerifier {
    static final long MAX_ENTRY_BYTES = 2L << 30;
    static final long MAX_TOTAL_BYTES = 8L << 30;
    static final int MAX_ENTRIES = 100_000;

    /** What verification found: entry count and the digest of the main executable, if asked. */
    public record Verified(int entries, long uncompressedBytes, String executableSha256) {}

    private ArchiveVerifier() {}

    /**
     * @param root expected top folder ({@code null} or empty for flat archives such as VSIX)
     * @param members expected regular files, relative to {@code root}
     * @param executable member whose digest to record, or {@code null}
     */
    public static Verified verify(
            Path archive, ArchiveFormat format, String root, List<String> members, String executable)
            throws BadArchiveException {
        String name = archive.getFileName().toString();
        Scan scan = new Scan(name, root == null || root.isEmpty() ? "" : root + "/", executable);
        try {
            if (format == ArchiveFormat.TAR_GZ) {
                scanTarGz(archive, scan);
            } else {
                scanZip(archive, scan);
            }
        } catch (IOException e) {
            throw new BadArchiveException(name, scan.current, "unreadable or truncated: " + e.getMessage());
        }
        for (String member : members) {
            if (!scan.files.contains(scan.prefix + member)) {
                throw new BadArchiveException(name, scan.prefix + member, "expected member is missing");
            }
        }
        if (executable != null && scan.executableSha256 == null) {
            throw new BadArchiveException(name, scan.prefix + executable, "executable is missing");
        }
        return new Verified(scan.entries, scan.total, scan.executableSha256);
    }

    private static void scanTarGz(Path archive, Scan scan) throws IOException, BadArchiveException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                GzipCompressorInputStream gz =
                        GzipCompressorInputStream.builder().setInputStream(file).get();
                TarArchiveInputStream tar = new TarArchiveInputStream(gz, "UTF-8")) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                scan.current = e.getName();
                if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                    throw scan.bad("device or FIFO entries are not allowed");
                }
                if (!(e.isFile() || e.isDirectory() || e.isSymbolicLink() || e.isLink())) {
                    throw scan.bad("unsupported tar entry type '" + (char) e.getLinkFlag() + "'");
                }
                scan.name(e.getName(), e.isDirectory());
                if (e.isSymbolicLink()) {
                    scan.linkInside(e.getName(), e.getLinkName(), true);
                } else if (e.isLink()) {
                    scan.linkInside(e.getName(), e.getLinkName(), false);
                } else if (e.isFile()) {
                    scan.content(e.getName(), e.getSize(), tar, null);
                }
            }
            scan.current = null;
            // Drain the gzip stream so its CRC and length trailer are checked too.
            gz.transferTo(OutputStream.nullOutputStream());
        }
        if (scan.entries == 0) {
            throw new BadArchiveException(scan.archive, null, "archive is empty");
        }
    }

    private static void scanZip(Path archive, Scan scan) throws IOException, BadArchiveException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                scan.current = e.getName();
                scan.name(e.getName(), e.isDirectory());
                if (e.isUnixSymlink()) {
                    String target = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                    scan.linkInside(e.getName(), target, true);
                } else if (!e.isDirectory()) {
                    try (InputStream in = zip.getInputStream(e)) {
                        scan.content(e.getName(), e.getSize(), in, e.getCrc());
                    }
                }
            }
        }
        if (scan.entries == 0) {
            throw new BadArchiveException(scan.archive, null, "archive is empty");
        }
    }

    /** Running state of one verification. */
    private static final class Scan {
        final String archive;
        final String prefix;
        final String executable;
        final Set<String> names = new HashSet<>();
        final Set<String> files = new HashSet<>();
        String current;
        String executableSha256;
        int entries;
        long total;

        Scan(String archive, String prefix, String executable) {
            this.archive = archive;
            this.prefix = prefix;
            this.executable = executable;
        }

        BadArchiveException bad(String reason) {
            return new BadArchiveException(archive, current, reason);
        }

        void name(String name, boolean directory) throws BadArchiveException {
            if (++entries > MAX_ENTRIES) {
                throw bad("more than " + MAX_ENTRIES + " entries");
            }
            if (name.isEmpty() || name.indexOf('\0') >= 0) {
                throw bad("empty name or NUL in name");
            }
            if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
                throw bad("absolute path");
            }
            if (name.contains("\\")) {
                throw bad("backslash in path");
            }
            for (String segment : name.split("/")) {
                if (segment.equals("..")) {
                    throw bad("path escapes the archive ('..')");
                }
            }
            String normalized = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            if (!names.add(normalized)) {
                throw bad("duplicate entry");
            }
            if (!prefix.isEmpty() && !(name.startsWith(prefix) || name.equals(prefix))) {
                throw bad("outside the archive's top folder " + prefix);
            }
            if (!directory) {
                files.add(name);
            }
        }

        void linkInside(String name, String target, boolean symbolic) throws BadArchiveException {
            if (target == null || target.isEmpty() || target.startsWith("/") || target.matches("^[A-Za-z]:.*")) {
                throw bad((symbolic ? "symlink" : "hard link") + " to absolute or empty target '" + target + "'");
            }
            // A symlink resolves relative to its folder; a tar hard link names an archive path.
            String base = symbolic && name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
            List<String> parts = new ArrayList<>();
            for (String segment : (base + target).split("/")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                if (segment.equals("..")) {
                    if (parts.isEmpty()) {
                        throw bad((symbolic ? "symlink" : "hard link") + " points outside the archive: " + target);
                    }
                    parts.remove(parts.size() - 1);
                } else {
                    parts.add(segment);
                }
            }
            if (!symbolic && !files.contains(String.join("/", parts))) {
                throw bad("hard link to '" + target + "', which is not an earlier file of the archive");
            }
        }

        void content(String name, long declared, InputStream in, Long crc) throws IOException, BadArchiveException {
            if (declared > MAX_ENTRY_BYTES) {
                throw bad("entry larger than " + MAX_ENTRY_BYTES + " bytes");
            }
            MessageDigest digest = Sha256.newDigest();
            CRC32 crc32 = new CRC32();
            long read = 0;
            byte[] buffer = new byte[64 * 1024];
            try (DigestInputStream din = new DigestInputStream(nonClosing(in), digest)) {
                for (int n; (n = din.read(buffer)) > 0; ) {
                    crc32.update(buffer, 0, n);
                    read += n;
                    if (read > MAX_ENTRY_BYTES || total + read > MAX_TOTAL_BYTES) {
                        throw bad("uncompressed size exceeds the limit (zip bomb?)");
                    }
                }
            }
            if (declared >= 0 && read != declared) {
                throw bad("declared " + declared + " bytes but holds " + read);
            }
            if (crc != null && crc >= 0 && crc32.getValue() != crc) {
                throw bad("CRC mismatch: data is corrupt");
            }
            total += read;
            if (executable != null && name.equals(prefix + executable)) {
                executableSha256 = HexFormat.of().formatHex(digest.digest());
            }
        }

        private static InputStream nonClosing(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public void close() {}
            };
        }
    }
}
