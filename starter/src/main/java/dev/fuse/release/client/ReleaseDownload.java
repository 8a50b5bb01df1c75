package dev.fuse.release.client;

import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.metadata.Sha256;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads a published release as any user would (plain GETs) and checks every line of its
 * SHA256SUMS against the downloaded bytes, as {@code sha256sum -c} does.
 */
public final class ReleaseDownload {
  private ReleaseDownload() {}

  /** Result of a download: where, which files, and one "name: OK" line per checked file. */
  public record Downloaded(Path dir, List<String> files, List<String> checks) {}

  public static Downloaded download(ArtifactStore store, String version, Path dir) throws IOException {
    Files.createDirectories(dir);
    String prefix = StoreLayout.releasePrefix(version);
    List<String> files = new ArrayList<>();
    for (String key : store.listKeys(prefix)) {
      String name = key.substring(prefix.length());
      if (name.contains("/")) continue;
      Files.write(dir.resolve(name), store.getBytes(key));
      files.add(name);
    }
    Path sums = dir.resolve(ReleaseMetadata.CHECKSUMS);
    if (!Files.isRegularFile(sums)) {
      throw new IOException("release " + version + " has no " + ReleaseMetadata.CHECKSUMS);
    }
    List<String> checks = new ArrayList<>();
    for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
      if (!line.matches("[0-9a-f]{64}  [^/]+")) {
        throw new IOException("malformed " + ReleaseMetadata.CHECKSUMS + " line: " + line);
      }
      String expected = line.substring(0, 64);
      String name = line.substring(66);
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new IOException(name + " is listed in " + ReleaseMetadata.CHECKSUMS + " but not published");
      }
      String actual = Sha256.of(file);
      if (!actual.equals(expected)) {
        throw new IOException(name + ": FAILED (sha256 " + actual + ", expected " + expected + ")");
      }
      checks.add(name + ": OK");
    }
    return new Downloaded(dir, files, checks);
  }
}
