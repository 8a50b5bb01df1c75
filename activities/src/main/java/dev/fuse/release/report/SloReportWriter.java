package dev.fuse.release.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.SloReportResult;
import dev.fuse.release.notes.NotesDocument;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the SLO evidence, slo-report.json and report.html, to the run's staging prefix. */
public final class SloReportWriter {
    private final ArtifactStore store;

    public SloReportWriter(ArtifactStore store) {
        this.store = store;
    }

    public SloReportResult write(SloFigures request, Runnable heartbeat) {
        String prefix = request.plan().stagingPrefix();
        ArtifactRef json = store.putBytes(prefix + SloReport.FILE_NAME, SloReport.json(request), "application/json");
        heartbeat.run();
        ArtifactRef html = store.putBytes(
                prefix + HtmlReport.FILE_NAME, HtmlReport.html(request, notes(prefix)), "text/html; charset=utf-8");
        return new SloReportResult(json, html);
    }

    /** The release's notes as planning staged them, or null (a plan from before notes existed). */
    private JsonNode notes(String prefix) {
        String key = prefix + NotesDocument.JSON_FILE;
        if (!store.exists(key)) return null;
        try {
            return CanonicalJson.MAPPER.readTree(store.getBytes(key));
        } catch (IOException e) {
            throw new UncheckedIOException("staged " + key + " is not JSON", e);
        }
    }
}
