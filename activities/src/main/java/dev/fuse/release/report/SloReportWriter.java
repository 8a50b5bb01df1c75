package dev.fuse.release.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.SloReportResult;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.notes.NotesDocument;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the SLO evidence, slo-report.json and report.html, to the run's staging prefix, with
 * what changed since the previous release: the commits (from the staged notes) and the figures
 * (compared with the evidence that release published).
 */
public final class SloReportWriter {
    private final ArtifactStore store;

    public SloReportWriter(ArtifactStore store) {
        this.store = store;
    }

    public SloReportResult write(SloFigures request, Runnable heartbeat) {
        String prefix = request.plan().stagingPrefix();
        JsonNode notes = notes(prefix);
        ObjectNode comparison = MeasuredChanges.compare(
                baseline(notes),
                SloReport.figures(request),
                request.plan().staticTargets().stream().map(Target::id).toList());
        ArtifactRef json =
                store.putBytes(prefix + SloReport.FILE_NAME, SloReport.json(request, comparison), "application/json");
        heartbeat.run();
        ArtifactRef html = store.putBytes(
                prefix + HtmlReport.FILE_NAME, HtmlReport.html(request, notes, comparison), "text/html; charset=utf-8");
        return new SloReportResult(json, html);
    }

    /**
     * The previous published release, as the notes name it (the ledger's choice, whatever base the
     * commit range was given by hand), and its figures.
     */
    private MeasuredChanges.Baseline baseline(JsonNode notes) {
        if (notes == null) return MeasuredChanges.Baseline.none("no release notes to name the previous release");
        JsonNode previous = notes.path("previousRelease");
        String version = previous.isObject()
                ? previous.path("version").asText()
                : notes.path("contract").path("comparedWith").asText(null);
        if (version == null) return MeasuredChanges.Baseline.none("first release: nothing to compare with");
        return new PublishedFigures(store).of(version);
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
