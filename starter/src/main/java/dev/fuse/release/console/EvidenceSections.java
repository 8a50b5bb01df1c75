package dev.fuse.release.console;

import static dev.fuse.release.console.Html.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.model.GateResult;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.report.MeasuredMarkdown;

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

    static void comparison(StringBuilder h, JsonNode report) {
        if (report == null) return;
        JsonNode c = report.path("comparison");
        String previous = c.path("comparedWith").asText(null);
        h.append("<h2>Measured against ")
                .append(previous == null ? "the previous release" : text(previous))
                .append("</h2>\n");
        if (previous == null)
            h.append("<p>").append(text(c.path("missing").asText())).append(".</p>\n");
        h.append("<table id=\"comparison\"><tr><th>target</th><th>figure</th><th>previous</th><th>now</th>")
                .append("<th>change</th></tr>\n");
        for (JsonNode target : c.path("targets")) {
            for (JsonNode f : target.path("figures")) {
                String unit = f.path("unit").asText();
                h.append("<tr><td>")
                        .append(text(target.path("target").asText()))
                        .append("</td><td>");
                h.append(text(f.path("label").asText())).append("</td><td>");
                h.append(text(MeasuredMarkdown.value(f.path("previous"), unit))).append("</td><td>");
                h.append(text(MeasuredMarkdown.value(f.path("now"), unit))).append("</td><td>");
                h.append(text(MeasuredMarkdown.change(f))).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }
}
