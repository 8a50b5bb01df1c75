package dev.fuse.release.packaging;

import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.policy.ArtifactOrder;
import dev.fuse.release.support.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Entry-by-entry digests of an archive, to say which members make two archives differ. */
public final class ArchiveContents {
    private ArchiveContents() {}

    /** Entry name to "sha256 mode" (directories: "dir mode"), in byte order. */
    public static Map<String, String> entries(Path archive, ArchiveFormat format) throws IOException {
        Map<String, String> entries = new TreeMap<>(ArtifactOrder.BYTE_ORDER);
        if (format == ArchiveFormat.TAR_GZ) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
                    TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    entries.put(
                            e.getName(),
                            (e.isDirectory() ? "dir" : Sha256.of(tar)) + " " + Integer.toOctalString(e.getMode()) + " "
                                    + e.getModTime().getTime());
                }
            }
        } else {
            try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
                for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                    try (InputStream in = zip.getInputStream(e)) {
                        entries.put(
                                e.getName(),
                                (e.isDirectory() ? "dir" : Sha256.of(in)) + " " + Integer.toOctalString(e.getUnixMode())
                                        + " " + e.getTime());
                    }
                }
            }
        }
        return entries;
    }

    /** Names of entries that are missing on one side or differ in content, mode or time. */
    public static List<String> differing(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> names = new TreeSet<>(ArtifactOrder.BYTE_ORDER);
        names.addAll(a.keySet());
        names.addAll(b.keySet());
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(a.get(name), b.get(name))) differing.add(name);
        }
        return differing;
    }
}
