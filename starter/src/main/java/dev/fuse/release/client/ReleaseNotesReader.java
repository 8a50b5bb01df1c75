package dev.fuse.release.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.index.ReleaseIndex;
import dev.fuse.release.report.SloReport;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A release's notes and the evidence report of the same run, wherever they are: published once
 * the release is, else staged by the version's current (or newest) run that wrote notes, so
 * approvers read them while the release waits.
 */
public final class ReleaseNotesReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReleaseClient releases;

    public ReleaseNotesReader(ReleaseClient releases) {
        this.releases = releases;
    }

    /** The key of a notes file ({@code RELEASE_NOTES.md}, {@code release-notes.json}) of {@code version}. */
    public String locate(String version, String file) {
        ArtifactStore store = releases.store();
        String published = StoreLayout.releasePrefix(version) + file;
        if (store.exists(published)) return published;
        List<String> runs = new ArrayList<>();
        for (ReleaseIndex.Entry run : new ReleaseIndex(store).entries()) {
            if (!run.version().equals(version) || run.runId().isEmpty()) continue;
            if (store.exists(StoreLayout.stagingPrefix(version, run.runId()) + file)) runs.add(run.runId());
        }
        if (runs.isEmpty()) {
            throw new ReleaseClientException(
                    ReleaseClientException.Kind.NOT_FOUND,
                    "no notes for release " + version + ": it is not published and no run of it has finished"
                            + " planning; see ./fuse-release status " + version);
        }
        String run = runs.get(runs.size() - 1);
        if (runs.size() > 1) {
            run = releases.currentRunId(version).filter(runs::contains).orElse(run);
        }
        return StoreLayout.stagingPrefix(version, run) + file;
    }

    public byte[] read(String key) {
        return releases.store().getBytes(key);
    }

    public JsonNode readJson(String key) {
        try {
            return JSON.readTree(read(key));
        } catch (IOException e) {
            throw new UncheckedIOException(key + " is not JSON", e);
        }
    }

    /**
     * The evidence report ({@code slo-report.json}) of the run whose notes {@code notesKey} is:
     * what that run measured, compared with the previous release, and its gates. Empty until the
     * run has measured.
     */
    public Optional<JsonNode> sloReport(String version, String notesKey) {
        String prefix = notesKey.substring(0, notesKey.lastIndexOf('/') + 1);
        String key = prefix + SloReport.FILE_NAME;
        if (prefix.equals(StoreLayout.releasePrefix(version))) {
            String runId =
                    readJson(StoreLayout.publishedMarker(version)).path("runId").asText();
            key = StoreLayout.evidencePrefix(version, runId) + SloReport.FILE_NAME;
        }
        return releases.store().exists(key) ? Optional.of(readJson(key)) : Optional.empty();
    }
}
