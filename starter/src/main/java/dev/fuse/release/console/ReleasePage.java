package dev.fuse.release.console;

import static dev.fuse.release.console.Html.pathSegment;
import static dev.fuse.release.console.Html.text;

import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.DeliveryStatus;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.TargetStatus;
import java.util.Locale;

/**
 * One release on one page: where it stands, each target's pipeline, the decision (with the form
 * while it waits), the gate checklist, the measured changes, the notes and the artifacts.
 */
final class ReleasePage {
    private ReleasePage() {}

    static String render(ReleaseView view, String token, String flash) {
        ReleaseStatus s = view.status();
        StringBuilder h = new StringBuilder();
        h.append("<h1>Release ").append(text(s.version())).append("</h1>\n");
        h.append("<p id=\"phase\" data-version=\"")
                .append(pathSegment(s.version()))
                .append("\" data-phase=\"");
        h.append(s.phase()).append("\" data-manifest=\"").append(text(view.manifestSha256()));
        h.append("\" data-evidence=\"").append(text(view.evidenceSha256())).append("\" data-decisions=\"");
        h.append(s.approval().records().size())
                .append("\">phase <b>")
                .append(s.phase())
                .append("</b>");
        if (s.commit() != null)
            h.append(", commit <code>").append(text(s.commit())).append("</code>");
        h.append("</p>\n<p id=\"changed\" hidden>This release has changed since the page was loaded")
                .append("<span id=\"changed-phase\"></span>: <a href=\"\">reload</a> before deciding.</p>\n");
        if (flash != null)
            h.append("<p id=\"flash\" class=\"flash\">").append(text(flash)).append("</p>\n");
        if (s.failure() != null)
            h.append("<p class=\"failure\">").append(text(s.failure())).append("</p>\n");
        if (s.publishedPrefix() != null) {
            h.append("<p>Published at <code>").append(text(s.publishedPrefix())).append("</code></p>\n");
        }
        targets(h, s);
        DecisionSection.append(h, view, token);
        OperatorSection.append(h, s, view.yanked(), token);
        EvidenceSections.gates(h, s);
        EvidenceSections.comparison(h, view.report());
        NotesSection.append(h, view.notes());
        artifacts(h, s);
        notifications(h, s);
        if (s.reports() != null) {
            h.append("<p><a id=\"report-link\" href=\"/releases/")
                    .append(pathSegment(s.version()))
                    .append("/report.html\">The evidence report (report.html)</a></p>\n");
        }
        return Html.page("Release " + s.version(), h.toString());
    }

    private static void targets(StringBuilder h, ReleaseStatus s) {
        h.append("<h2>Targets</h2>\n<table id=\"targets\"><tr><th>target</th><th>stage</th><th>attempt</th>")
                .append("<th>host</th><th>detail</th></tr>\n");
        for (TargetStatus t : s.targets()) {
            h.append("<tr><td>").append(t.target().id()).append("</td><td>").append(t.stage());
            if (t.failedIn() != null) h.append(" (in ").append(t.failedIn()).append(')');
            h.append("</td><td>").append(t.attempt()).append("</td><td>").append(text(t.hostClass()));
            h.append(t.emulated() ? " (emulated)" : " (native)").append("</td><td><pre>");
            h.append(text(t.detail())).append("</pre></td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** Who was told what, and whether it arrived: each event's delivery to each endpoint. */
    private static void notifications(StringBuilder h, ReleaseStatus s) {
        if (s.notifications().isEmpty()) return;
        h.append("<h2>Notifications</h2>\n<table id=\"notifications\"><tr><th>event</th><th>endpoint</th>")
                .append("<th>delivery</th><th>attempts</th><th>last answer</th></tr>\n");
        for (DeliveryStatus d : s.notifications()) {
            h.append("<tr><td>")
                    .append(d.event().wireName())
                    .append("</td><td>")
                    .append(text(d.endpoint()));
            h.append("</td><td>")
                    .append(d.state().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            h.append("</td><td>").append(d.attempts()).append("</td><td>").append(text(d.lastOutcome()));
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void artifacts(StringBuilder h, ReleaseStatus s) {
        if (s.artifacts().isEmpty()) return;
        h.append("<h2>Artifacts</h2>\n<table id=\"artifacts\"><tr><th>name</th><th>size</th><th>sha256</th>")
                .append("<th>built on</th><th>reproducibility</th></tr>\n");
        for (Artifact a : s.artifacts()) {
            h.append("<tr><td>")
                    .append(text(a.name()))
                    .append("</td><td>")
                    .append(a.ref().size())
                    .append(" B</td>");
            h.append("<td><code>").append(text(a.ref().sha256())).append("</code></td><td>");
            h.append(text(a.host().hostClass()))
                    .append(a.host().emulated() ? " (emulated)" : "")
                    .append("</td><td>");
            h.append(text(a.reproducibility().id())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }
}
