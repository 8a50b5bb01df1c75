package dev.fuse.release.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.ledger.LedgerEntry;
import dev.fuse.release.ledger.LedgerState;
import dev.fuse.release.ledger.ReleaseLedger;
import dev.fuse.release.metadata.ReleaseMetadata;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Downloads a published release as any user would (plain GETs): the release folder, and the
 * evidence of the run that published it (named by {@code PUBLISHED.json}) into {@code evidence/}.
 * Every line of both SHA256SUMS files is checked against the downloaded bytes, as
 * {@code sha256sum -c} does.
 */
public final class ReleaseDownload {
    /** How a downloader checks a release with stock tools only, from its folder. */
    public static final String STOCK_CHECK =
            "ssh-keygen -Y verify -f allowed_signers -I fuse-release -n fuse-release-sums"
                    + " -s SHA256SUMS.sig < SHA256SUMS && sha256sum -c SHA256SUMS && (cd evidence && sha256sum -c SHA256SUMS)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleaseDownload() {}

    /** Result of a download: where, which files, and one "name: OK" line per checked file. */
    public record Downloaded(Path dir, List<String> files, List<String> checks) {}

    public static Downloaded download(ArtifactStore store, String version, Path dir) throws IOException {
        return download(store, version, dir, false);
    }

    /**
     * @param allowYanked whether a yanked release is downloaded anyway (for an investigation);
     *     otherwise it is refused, saying who yanked it and why
     */
    public static Downloaded download(ArtifactStore store, String version, Path dir, boolean allowYanked)
            throws IOException {
        String prefix = StoreLayout.releasePrefix(version);
        if (!store.exists(StoreLayout.publishedMarker(version))) {
            throw new IOException(
                    "release " + version + " is not published (no " + StoreLayout.publishedMarker(version) + ")");
        }
        if (!allowYanked) {
            Optional<String> yanked = yanked(store, version);
            if (yanked.isPresent()) {
                throw new YankedException(yanked.get() + "; pass --allow-yanked to download it anyway");
            }
        }
        List<String> files = new ArrayList<>(fetchFolder(store, prefix, dir, ""));
        JsonNode published = JSON.readTree(dir.resolve(StoreLayout.PUBLISHED).toFile());
        String evidence = published.path("evidence").asText();
        if (!evidence.startsWith(prefix + "evidence/") || evidence.contains("..")) {
            throw new IOException(StoreLayout.PUBLISHED + " of " + version
                    + " names an evidence folder outside the release: " + evidence);
        }
        files.addAll(fetchFolder(store, evidence, dir.resolve("evidence"), "evidence/"));
        List<String> checks = new ArrayList<>(check(dir, ""));
        checks.addAll(check(dir.resolve("evidence"), "evidence/"));
        return new Downloaded(dir, files, checks);
    }

    /** Refused: the release was taken back. */
    public static final class YankedException extends IOException {
        private static final long serialVersionUID = 1L;

        YankedException(String message) {
            super(message);
        }
    }

    /**
     * Why {@code version} counts as yanked, if it does: its yank marker (readable or not), or the
     * ledger's record of a rollback whose marker has since gone.
     */
    public static Optional<String> yanked(ArtifactStore store, String version) {
        String key = StoreLayout.yankMarker(version);
        if (store.exists(key)) {
            try {
                JsonNode yank = JSON.readTree(store.getBytes(key));
                return Optional.of("release " + version + " was yanked by "
                        + yank.path("yankedBy").asText("?")
                        + " at " + yank.path("yankedAt").asText("?") + " ("
                        + yank.path("reason").asText("no reason")
                        + "); latest went to " + yank.path("latestNow").asText("?"));
            } catch (IOException e) {
                return Optional.of("release " + version + " is yanked, but its " + key + " is unreadable; run"
                        + " ./fuse-release verify --all");
            }
        }
        LedgerEntry inLedger =
                LedgerState.of(new ReleaseLedger(store).read()).yanked().get(version);
        if (inLedger == null) return Optional.empty();
        return Optional.of("the ledger records release " + version + " as yanked by " + inLedger.by() + " at "
                + inLedger.at() + ", but its " + key + " is missing (the bucket was changed; run ./fuse-release"
                + " verify --all)");
    }

    private static List<String> fetchFolder(ArtifactStore store, String prefix, Path dir, String shownAs)
            throws IOException {
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        for (String key : store.listKeys(prefix)) {
            String name = key.substring(prefix.length());
            if (name.contains("/") || name.isEmpty() || name.startsWith(".")) continue;
            Files.write(dir.resolve(name), store.getBytes(key));
            files.add(shownAs + name);
        }
        return files;
    }

    /** {@code sha256sum -c SHA256SUMS} in {@code dir}. */
    static List<String> check(Path dir, String shownAs) throws IOException {
        Path sums = dir.resolve(ReleaseMetadata.CHECKSUMS);
        if (!Files.isRegularFile(sums)) {
            throw new IOException("the release has no " + shownAs + ReleaseMetadata.CHECKSUMS);
        }
        List<String> checks = new ArrayList<>();
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            if (!line.matches("[0-9a-f]{64}  [^/]+")) {
                throw new IOException("malformed " + shownAs + ReleaseMetadata.CHECKSUMS + " line: " + line);
            }
            String expected = line.substring(0, 64);
            String name = line.substring(66);
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IOException(
                        shownAs + name + " is listed in " + ReleaseMetadata.CHECKSUMS + " but not published");
            }
            String actual = Sha256.of(file);
            if (!actual.equals(expected)) {
                throw new IOException(shownAs + name + ": FAILED (sha256 " + actual + ", expected " + expected + ")");
            }
            checks.add(shownAs + name + ": OK");
        }
        return checks;
    }
}
