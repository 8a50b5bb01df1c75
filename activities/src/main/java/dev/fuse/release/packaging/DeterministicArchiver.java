package dev.fuse.release.packaging;

import dev.fuse.release.metadata.SourceDateEpoch;
import dev.fuse.release.policy.ArtifactOrder;
import dev.fuse.release.support.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.UnrecognizedExtraField;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipLong;

/**
 * Writes tar.gz and zip archives whose bytes depend only on the members' content, names and
 * executable bits and on SOURCE_DATE_EPOCH: entries in byte order, every mtime fixed, owner
 * 0/0 with empty names, modes normalised, fixed gzip header. Zip entries carry the DOS time
 * (two-second resolution) and the Info-ZIP extended timestamp with the exact second.
 */
public final class DeterministicArchiver {
    static final int FILE_MODE = 0100644;
    static final int EXEC_MODE = 0100755;
    static final int DIR_MODE = 040755;

    private DeterministicArchiver() {}

    /**
     * gzip level of tar.gz archives. Level 6 (gzip's default) rather than 9: on binaries 9 is
     * about twice as slow for under 1 % smaller archives (docs/benchmarks.md, B1).
     */
    static final int GZIP_LEVEL = 6;

    /**
     * Writes {@code root/member...} as tar.gz in one pass: read each member once, compress on every
     * core ({@link ParallelGzipOutputStream}), and digest the archive as it is written.
     *
     * @return the archive's sha256, so that staging need not read it again
     */
    public static String writeTarGz(Path out, String root, List<ArchiveMember> members, long epoch) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (OutputStream file =
                        new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16), digest);
                ParallelGzipOutputStream gz = new ParallelGzipOutputStream(file, GZIP_LEVEL);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (var entry : layout(root, members).entrySet()) {
                String name = entry.getKey();
                ArchiveMember member = entry.getValue();
                TarArchiveEntry tarEntry = new TarArchiveEntry(name, true);
                tarEntry.setModTime(epoch * 1000);
                tarEntry.setUserId(0);
                tarEntry.setGroupId(0);
                tarEntry.setUserName("");
                tarEntry.setGroupName("");
                if (member == null) {
                    tarEntry.setMode(DIR_MODE);
                    tar.putArchiveEntry(tarEntry);
                } else {
                    tarEntry.setMode(member.executable() ? EXEC_MODE : FILE_MODE);
                    tarEntry.setSize(
                            Files.readAttributes(member.source(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                                    .size());
                    tar.putArchiveEntry(tarEntry);
                    ConfinedFiles.copy(member, tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Writes {@code root/member...} as zip; {@code root} may be empty for a flat archive. */
    public static void writeZip(Path out, String root, List<ArchiveMember> members, long epoch) throws IOException {
        long dosTime = zipTime(epoch);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setEncoding("UTF-8");
            zip.setLevel(9);
            for (var entry : layout(root, members).entrySet()) {
                String name = entry.getKey();
                ArchiveMember member = entry.getValue();
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(name);
                zipEntry.setTime(dosTime);
                zipEntry.addExtraField(exactTime(epoch));
                if (member == null) {
                    zipEntry.setUnixMode(DIR_MODE);
                    zip.putArchiveEntry(zipEntry);
                } else {
                    zipEntry.setUnixMode(member.executable() ? EXEC_MODE : FILE_MODE);
                    zipEntry.setMethod(ZipArchiveEntry.DEFLATED);
                    zip.putArchiveEntry(zipEntry);
                    ConfinedFiles.copy(member, zip);
                }
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    /**
     * The exact modification second, which DOS time (even seconds only) cannot hold: Info-ZIP's
     * extended timestamp (0x5455, flag "modification time", 32-bit Unix time), as {@code zip}
     * writes it and {@code unzip} reads it. Written as raw bytes because Commons Compress, given its
     * typed field, re-derives the DOS time from it in the JVM's time zone.
     */
    private static UnrecognizedExtraField exactTime(long epoch) {
        byte[] seconds = new ZipLong(epoch).getBytes();
        byte[] data = {1, seconds[0], seconds[1], seconds[2], seconds[3]};
        UnrecognizedExtraField field = new UnrecognizedExtraField();
        field.setHeaderId(X5455_ExtendedTimestamp.HEADER_ID);
        field.setLocalFileDataData(data);
        field.setCentralDirectoryData(data);
        return field;
    }

    /**
     * Zip stores local wall-clock time and Java converts with the JVM's zone, so the UTC instant
     * is first re-expressed as the same wall-clock time in the local zone. Zip cannot go before
     * 1980, hence the clamp.
     */
    static long zipTime(long epoch) {
        long clamped = Math.max(epoch, SourceDateEpoch.ZIP_MINIMUM);
        LocalDateTime utcWallClock = LocalDateTime.ofEpochSecond(clamped, 0, ZoneOffset.UTC);
        return utcWallClock.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /**
     * All entry names in byte order, directories (mapped to null) included, so that archives
     * list parents before children and the order never depends on the file system.
     */
    static TreeMap<String, ArchiveMember> layout(String root, List<ArchiveMember> members) {
        TreeMap<String, ArchiveMember> entries = new TreeMap<>(ArtifactOrder.BYTE_ORDER);
        String prefix = root == null || root.isEmpty() ? "" : root + "/";
        if (!prefix.isEmpty()) {
            entries.put(prefix, null);
        }
        for (ArchiveMember member : members) {
            String name = prefix + member.name();
            List<String> parents = new ArrayList<>();
            for (int i = name.indexOf('/', prefix.length()); i > 0; i = name.indexOf('/', i + 1)) {
                parents.add(name.substring(0, i + 1));
            }
            parents.forEach(p -> entries.put(p, null));
            if (entries.put(name, member) != null) {
                throw new IllegalArgumentException("member " + member.name() + " is listed twice");
            }
        }
        return entries;
    }
}
