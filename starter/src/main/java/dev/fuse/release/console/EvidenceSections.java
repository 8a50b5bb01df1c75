package dev.fuse.release.console;

import static dev.fuse.release.console.Html.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.model.GateResult;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.report.ComparisonSection;

/** The gate checklist (from the workflow's verdict) and the measured changes (from the evidence report). */
final class EvidenceSections {
    private EvidenceSections() {}

    static void gates(StringBuilder h, ReleaseStatus s) {
        if (s.gates() == null) return;
        h.append("<h2>Release gates: ")
                .append(s.gates().verdict())
                .append("</h2>\n<table id=\"gates\">")
                .append("<tr><th>target</th><th>gate</th><th>measured</th><th>threshold</th><th>margin</th>")
                .append("<th>verdict</th></tr>\n");
        for (GateResult g : s.gates().gates()) {
            h.append("<tr class=\"")
                    .append(g.pass() ? "pass" : "fail")
                    .append("\"><td>")
                    .append(g.target().id());
            h.append("</td><td>").append(text(g.gate())).append("</td><td>").append(text(g.value()));
            h.append("</td><td>")
                    .append(text(g.threshold()))
                    .append("</td><td>")
                    .append(text(g.margin()));
            h.append("</td><td>").append(g.pass() ? "GO" : "NO-GO").append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** The measured changes, rendered as the HTML report renders them (our own figures, escaped there). */
    static void comparison(StringBuilder h, JsonNode report) {
        if (report != null) ComparisonSection.append(h, report.path("comparison"));
    }
}
