package dev.fuse.release.report;

import static dev.fuse.release.report.HtmlReport.esc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.notes.Inert;

/**
 * The report's "What changed" section, from the release's {@code release-notes.json}: the range,
 * the commits per group, every breaking change with its migration, and the contract's changed
 * fields. Commit text is untrusted: shown inert (control characters escaped, then HTML-escaped).
 */
final class NotesSection {
    private NotesSection() {}

    static void append(StringBuilder h, JsonNode notes) {
        JsonNode range = notes.path("range");
        h.append("<h2>What changed</h2>\n<p id=\"notes-range\">")
                .append(range.path("commits").asInt());
        h.append(range.path("commits").asInt() == 1 ? " commit" : " commits");
        if (range.path("base").isObject()) {
            JsonNode version = range.path("base").path("version");
            h.append(" since ").append(version.isTextual() ? text(version) : "commit");
            h.append(" (<code>").append(text(range.path("base").path("commit"))).append("</code>)");
        } else {
            h.append(" (first release)");
        }
        h.append("</p>\n<ul id=\"notes-groups\">");
        for (JsonNode group : notes.path("groups")) {
            h.append("<li>").append(text(group.path("title"))).append(": ");
            h.append(group.path("commits").size()).append("</li>");
        }
        h.append("</ul>\n");
        for (JsonNode group : notes.path("groups")) {
            if (!group.path("id").asText().equals("breaking")) continue;
            h.append("<h3>Breaking changes</h3>\n<ul id=\"notes-breaking\">");
            for (JsonNode c : group.path("commits")) {
                h.append("<li>").append(text(c.path("subject")));
                if (c.hasNonNull("migration")) h.append(" &mdash; migration: ").append(text(c.path("migration")));
                h.append("</li>");
            }
            h.append("</ul>\n");
        }
        contract(h, notes.path("contract"));
    }

    private static void contract(StringBuilder h, JsonNode contract) {
        if (!contract.path("changed").asBoolean()) {
            h.append("<p id=\"notes-contract\">Release contract unchanged.</p>\n");
            return;
        }
        h.append("<p id=\"notes-contract\"><b>Release contract changed</b> since ")
                .append(text(contract.path("comparedWith")))
                .append(":</p>\n<table id=\"contract-changes\"><tr><th>field</th><th>before</th><th>now</th></tr>\n");
        for (JsonNode c : contract.path("changes")) {
            h.append("<tr><td>").append(text(c.path("field"))).append("</td><td>");
            h.append(text(c.path("previous")))
                    .append("</td><td>")
                    .append(text(c.path("now")))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "(absent)" : esc(Inert.text(value.asText()));
    }
}
