package dev.fuse.release.console;

import static dev.fuse.release.console.Html.pathSegment;
import static dev.fuse.release.console.Html.text;

import java.util.List;

/** The releases page: one row per release, the ones that need someone marked; kept live by console.js. */
final class ListPage {
    private ListPage() {}

    static String render(List<ReleaseRows.Row> rows) {
        StringBuilder h = new StringBuilder("<h1>Releases</h1>\n");
        h.append("<table id=\"releases\" data-live=\"/api/releases\"><thead><tr><th>version</th><th>phase</th>")
                .append("<th>published</th><th>targets</th><th>commit</th><th>requested by</th><th>needs</th></tr>")
                .append("</thead><tbody>\n");
        for (ReleaseRows.Row r : rows) {
            h.append("<tr class=\"")
                    .append(r.attention() == null ? "" : "attention")
                    .append("\">");
            h.append("<td><a href=\"/releases/")
                    .append(pathSegment(r.version()))
                    .append("\">");
            h.append(text(r.version())).append("</a></td>");
            cell(h, r.phase());
            cell(h, r.publication());
            cell(h, String.join(", ", r.targets()));
            cell(h, r.commit());
            cell(h, r.requestedBy());
            cell(h, r.attention() == null ? "" : r.attention());
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        if (rows.isEmpty()) {
            h.append("<p>No releases yet: start one with <code>./fuse-release start --version 0.1.0 --revision main"
                    + "</code>.</p>\n");
        }
        return Html.page("Releases", h.toString());
    }

    private static void cell(StringBuilder h, String value) {
        h.append("<td>").append(text(value)).append("</td>");
    }
}
