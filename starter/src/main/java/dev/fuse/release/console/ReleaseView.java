package dev.fuse.release.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.client.ReleaseNotesReader;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.notes.NotesDocument;
import dev.fuse.release.storage.StoreLayout;

/**
 * Everything the release page shows, read once per request: the workflow's status, and from the
 * bucket the notes and the run's evidence report (null until planning, or measurement, wrote them).
 */
record ReleaseView(ReleaseStatus status, JsonNode notes, JsonNode report, boolean yanked) {
    static ReleaseView read(ReleaseClient releases, String version) {
        ReleaseStatus status = releases.status(version);
        ReleaseNotesReader reader = new ReleaseNotesReader(releases);
        JsonNode notes = null;
        JsonNode report = null;
        try {
            String key = reader.locate(version, NotesDocument.JSON_FILE);
            notes = reader.readJson(key);
            report = reader.sloReport(version, key).orElse(null);
        } catch (RuntimeException e) {
            // No notes yet (planning still runs) or none for a release from before notes: the page says so.
        }
        boolean yanked = releases.store().exists(StoreLayout.yankMarker(version));
        return new ReleaseView(status, notes, report, yanked);
    }

    String manifestSha256() {
        return status.metadata() == null ? null : status.metadata().manifest().sha256();
    }

    String evidenceSha256() {
        return status.reports() == null ? null : status.reports().json().sha256();
    }
}
