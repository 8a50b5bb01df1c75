package dev.fuse.release.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A published release's figures per target, from the evidence of the run that published it
 * ({@code PUBLISHED.json} names it) and its manifest: what this release is compared with.
 */
public final class PublishedFigures {
    private final ArtifactStore store;

    public PublishedFigures(ArtifactStore store) {
        this.store = store;
    }

    /** The figures of {@code version}, by target; empty when it is not published or has no SLO evidence. */
    public Optional<Map<String, TargetFigures>> of(String version) {
        String marker = StoreLayout.publishedMarker(version);
        if (!store.exists(marker)) return Optional.empty();
        JsonNode published = read(marker);
        String report =
                StoreLayout.evidencePrefix(version, published.path("runId").asText()) + SloReport.FILE_NAME;
        String manifest = StoreLayout.releasePrefix(version) + StoreLayout.MANIFEST;
        if (!store.exists(report) || !store.exists(manifest)) return Optional.empty();
        return Optional.of(byTarget(read(report), read(manifest).path("artifacts")));
    }

    static Map<String, TargetFigures> byTarget(JsonNode sloReport, JsonNode artifacts) {
        Map<String, TargetFigures> figures = new LinkedHashMap<>();
        for (JsonNode target : sloReport.path("targets")) {
            TargetFigures f = TargetFigures.of(target, artifacts);
            figures.put(f.target(), f);
        }
        return figures;
    }

    private JsonNode read(String key) {
        try {
            return CanonicalJson.MAPPER.readTree(store.getBytes(key));
        } catch (IOException e) {
            throw new UncheckedIOException(key + " is not JSON", e);
        }
    }
}
