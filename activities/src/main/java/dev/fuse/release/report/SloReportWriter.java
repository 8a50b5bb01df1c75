package dev.fuse.release.report;

import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.SloReportResult;
import dev.fuse.release.storage.ArtifactStore;

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
        ArtifactRef html =
                store.putBytes(prefix + HtmlReport.FILE_NAME, HtmlReport.html(request), "text/html; charset=utf-8");
        return new SloReportResult(json, html);
    }
}
