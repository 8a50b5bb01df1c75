package dev.fuse.release.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.CanonicalJson;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A published release's figures per target, from the evidence of the run that published it
 * ({@code PUBLISHED.json} names it) and its manifest: what this release is compared with. Both
 * files are read only at the digests the release's records vouch for ({@code PUBLISHED.json}
 * names the manifest's and the evidence sums'), so figures changed in the bucket afterwards are
 * not shown as the previous release's.
 */
public final class PublishedFigures {
    private final ArtifactStore store;

    public PublishedFigures(ArtifactStore store) {
        this.store = store;
    }

    /** The comparison baseline of {@code version}: its figures, or why there are none to compare with. */
    public MeasuredChanges.Baseline of(String version) {
        String marker = StoreLayout.publishedMarker(version);
        try {
            if (!store.exists(marker)) return missing(version, "is not published");
            JsonNode published = CanonicalJson.MAPPER.readTree(store.getBytes(marker));
            String evidence =
                    StoreLayout.evidencePrefix(version, published.path("runId").asText());
            String report = evidence + SloReport.FILE_NAME;
            if (!store.exists(report)) return missing(version, "published no SLO evidence");
            byte[] sums = vouched(evidence + "SHA256SUMS", published.path("evidenceSha256sumsSha256"));
            byte[] reportBytes = store.getBytes(report);
            byte[] manifest = vouched(
                    StoreLayout.releasePrefix(version) + StoreLayout.MANIFEST, published.path("manifestSha256"));
            if (sums == null || manifest == null || !listed(sums, SloReport.FILE_NAME, Sha256.of(reportBytes))) {
                return missing(
                        version,
                        "has evidence that no longer matches its records (./fuse-release verify " + version + ")");
            }
            Map<String, TargetFigures> figures = byTarget(
                    CanonicalJson.MAPPER.readTree(reportBytes),
                    CanonicalJson.MAPPER.readTree(manifest).path("artifacts"));
            return new MeasuredChanges.Baseline(version, figures, null);
        } catch (IOException e) {
            return missing(version, "has evidence that cannot be read (" + e.getMessage() + ")");
        }
    }

    static Map<String, TargetFigures> byTarget(JsonNode sloReport, JsonNode artifacts) {
        Map<String, TargetFigures> figures = new LinkedHashMap<>();
        for (JsonNode target : sloReport.path("targets")) {
            TargetFigures f = TargetFigures.of(target, artifacts);
            figures.put(f.target(), f);
        }
        return figures;
    }

    /** The object's bytes when their digest is the one {@code expected} names, else null. */
    private byte[] vouched(String key, JsonNode expected) {
        if (!store.exists(key)) return null;
        byte[] bytes = store.getBytes(key);
        return Sha256.of(bytes).equals(expected.asText()) ? bytes : null;
    }

    /** Whether a SHA256SUMS file lists {@code name} at {@code sha256}. */
    private static boolean listed(byte[] sums, String name, String sha256) {
        return new String(sums, StandardCharsets.UTF_8).lines().anyMatch(l -> l.equals(sha256 + "  " + name));
    }

    private static MeasuredChanges.Baseline missing(String version, String why) {
        return MeasuredChanges.Baseline.none(version + " " + why + ": nothing to compare the figures with");
    }
}
