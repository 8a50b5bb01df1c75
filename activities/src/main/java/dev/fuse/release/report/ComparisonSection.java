package dev.fuse.release.report;

import static dev.fuse.release.report.HtmlReport.esc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The report's "Measured against the previous release" section, from {@code slo-report.json}'s
 * {@code comparison}: per target, each figure before, now and the change; targets added or
 * removed, emulated targets and the static profile.
 */
public final class ComparisonSection {
    private ComparisonSection() {}

    /** The section, from {@code slo-report.json}'s {@code comparison}; the console's release page shows it too. */
    public static void append(StringBuilder h, JsonNode c) {
        String previous = c.path("comparedWith").asText(null);
        h.append("<h2 id=\"measured\">Measured against ")
                .append(previous == null ? "the previous release" : esc(previous))
                .append("</h2>\n");
        if (previous == null) {
            h.append("<p>").append(esc(c.path("missing").asText())).append(".</p>\n");
        }
        list(h, "Targets added", c.path("targetsAdded"));
        list(h, "Targets removed", c.path("targetsRemoved"));
        list(h, "Emulated targets", c.path("emulatedTargets"));
        list(h, "Static profile", c.path("staticTargets"));
        h.append("<table id=\"comparison\"><tr><th>target</th><th>figure</th><th>")
                .append(previous == null ? "previous" : esc(previous))
                .append("</th><th>now</th><th>change</th></tr>\n");
        for (JsonNode target : c.path("targets")) {
            for (JsonNode f : target.path("figures")) {
                String unit = f.path("unit").asText();
                h.append("<tr><td>").append(esc(target.path("target").asText())).append("</td><td>");
                h.append(esc(f.path("label").asText())).append("</td><td>");
                h.append(esc(MeasuredMarkdown.value(f.path("previous"), unit))).append("</td><td>");
                h.append(esc(MeasuredMarkdown.value(f.path("now"), unit))).append("</td><td>");
                h.append(esc(MeasuredMarkdown.change(f))).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void list(StringBuilder h, String title, JsonNode targets) {
        if (targets.isEmpty()) return;
        h.append("<p><b>").append(title).append(":</b> ");
        for (int i = 0; i < targets.size(); i++) {
            h.append(i == 0 ? "" : ", ").append(esc(targets.get(i).asText()));
        }
        h.append("</p>\n");
    }
}
