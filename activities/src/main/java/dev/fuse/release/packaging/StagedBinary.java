package dev.fuse.release.packaging;

import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.storage.ArtifactStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The executable exactly as it ships: downloaded from staging (digest checked) and extracted
 * from its archive. Verification, measurement and parity all test these bytes, not a local build.
 */
public final class StagedBinary {
    private StagedBinary() {}

    public static Path extract(ArtifactStore store, Artifact artifact, Path dir) throws IOException {
        Path archive = dir.resolve(artifact.name());
        store.download(artifact.ref(), archive);
        String wanted = ArtifactPackager.rootOf(artifact.name(), artifact.format()) + "/" + artifact.executable();
        Path binary = dir.resolve(artifact.executable().replace('/', '_'));
        boolean found = false;
        if (artifact.format() == ArchiveFormat.TAR_GZ) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
                    TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (e.getName().equals(wanted)) {
                        Files.copy(tar, binary, StandardCopyOption.REPLACE_EXISTING);
                        found = true;
                    }
                }
            }
        } else {
            try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
                ZipArchiveEntry e = zip.getEntry(wanted);
                if (e != null) {
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
                        found = true;
                    }
                }
            }
        }
        if (!found) {
            throw new IOException(artifact.name() + " holds no " + wanted);
        }
        binary.toFile().setExecutable(true, true);
        return binary;
    }
}
