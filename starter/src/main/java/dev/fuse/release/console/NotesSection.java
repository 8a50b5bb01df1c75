package dev.fuse.release.console;

import static dev.fuse.release.console.Html.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The release notes on the page, from {@code release-notes.json}: the range, every commit by group
 * (subject, author, sha), breaking changes with their migration, merges, and the contract's changed
 * fields. All of it is commit text, so all of it is escaped.
 */
final class NotesSection {
    private NotesSection() {}

    static void append(StringBuilder h, JsonNode notes) {
        h.append("<h2>What changed</h2>\n");
        if (notes == null) {
            h.append("<p>No release notes yet: planning writes them.</p>\n");
            return;
        }
        JsonNode range = notes.path("range");
        h.append("<p id=\"range\">").append(range.path("commits").asInt()).append(" commit(s)");
        JsonNode base = range.path("base");
        if (base.isObject()) {
            h.append(" since ").append(text(base.path("version").asText("commit")));
            h.append(" (<code>").append(text(base.path("commit").asText())).append("</code>)");
        } else {
            h.append(", first release");
        }
        h.append(" up to <code>").append(text(range.path("head").asText())).append("</code>");
        if (range.hasNonNull("baseChosenBecause")) {
            h.append("; base chosen by hand: ")
                    .append(text(range.path("baseChosenBecause").asText()));
        }
        h.append("</p>\n");
        if (range.hasNonNull("problem")) {
            h.append("<p class=\"failure\">")
                    .append(text(range.path("problem").asText()))
                    .append("</p>\n");
        }
        groups(h, notes);
        contract(h, notes.path("contract"));
    }

    private static void groups(StringBuilder h, JsonNode notes) {
        h.append("<div id=\"notes\">\n");
        for (JsonNode group : notes.path("groups")) {
            h.append("<h3>").append(text(group.path("title").asText())).append("</h3>\n<ul>");
            for (JsonNode c : group.path("commits")) {
                h.append("<li>").append(text(c.path("subject").asText())).append(" <small>(");
                h.append(text(c.path("author").asText())).append(", <code>");
                h.append(text(c.path("sha")
                        .asText()
                        .substring(0, Math.min(12, c.path("sha").asText().length()))));
                h.append("</code>)</small>");
                if (c.hasNonNull("migration")) {
                    h.append("<br>Migration: ").append(text(c.path("migration").asText()));
                }
                h.append("</li>");
            }
            h.append("</ul>\n");
        }
        if (!notes.path("merges").isEmpty()) {
            h.append("<h3>Merges</h3>\n<ul>");
            notes.path("merges")
                    .forEach(m -> h.append("<li>")
                            .append(text(m.path("subject").asText()))
                            .append("</li>"));
            h.append("</ul>\n");
        }
        h.append("</div>\n");
    }

    private static void contract(StringBuilder h, JsonNode contract) {
        if (!contract.path("changed").asBoolean()) {
            h.append("<p id=\"contract\">Release contract unchanged.</p>\n");
            return;
        }
        h.append("<p id=\"contract\"><b>The release contract changed</b> since ")
                .append(text(contract.path("comparedWith").asText()))
                .append(": a maintainer must approve.</p>\n");
        h.append("<table id=\"contract-changes\"><tr><th>field</th><th>before</th><th>now</th></tr>\n");
        for (JsonNode c : contract.path("changes")) {
            h.append("<tr><td>").append(text(c.path("field").asText())).append("</td><td>");
            h.append(text(c.path("previous").asText("(absent)"))).append("</td><td>");
            h.append(text(c.path("now").asText("(absent)"))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (contract.hasNonNull("rationale")) {
            h.append("<p>Rationale: ")
                    .append(text(contract.path("rationale").asText()))
                    .append("</p>\n");
        }
    }
}
