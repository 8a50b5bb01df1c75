package dev.fuse.release.console;

import static dev.fuse.release.console.Html.pathSegment;
import static dev.fuse.release.console.Html.text;

import dev.fuse.release.contract.model.ApprovalRecord;
import dev.fuse.release.contract.model.DecisionKind;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import java.time.Instant;

/**
 * The decisions so far and, while the release waits, the form to approve or reject it. The form
 * carries the digests this page showed, so a decision made on a page older than the staged
 * metadata names other digests and the workflow's validator refuses it (a stale page never
 * approves what it did not show). Under a policy that requires signatures, the approver signs the
 * statement shown with {@code ssh-keygen} and pastes the signature.
 */
final class DecisionSection {
    private DecisionSection() {}

    static void append(StringBuilder h, ReleaseView view, String token) {
        ReleaseStatus s = view.status();
        h.append("<h2>Decision</h2>\n<table id=\"approvals\"><tr><th>decision</th><th>by</th><th>when</th>")
                .append("<th>comment</th><th>key</th></tr>\n");
        for (ApprovalRecord r : s.approval().records()) {
            h.append("<tr><td>")
                    .append(r.kind())
                    .append("</td><td>")
                    .append(text(r.approver()))
                    .append("</td><td>");
            h.append(Instant.ofEpochMilli(r.atMillis())).append("</td><td>").append(text(r.rationale()));
            h.append("</td><td><code>").append(text(r.keyFingerprint())).append("</code></td></tr>\n");
        }
        h.append("</table>\n<p id=\"needed\">");
        h.append(s.approval().stillNeeded())
                .append(" more approval(s) needed of ")
                .append(s.approval().required());
        if (s.approval().needsMaintainer()) h.append("; the release contract changed: a maintainer must approve");
        h.append(".</p>\n");
        Long decideBy = s.approval().decideByMillis();
        if (s.phase() == Phase.AWAITING_APPROVAL && decideBy != null) {
            h.append("<p id=\"window\">Decide by ")
                    .append(Instant.ofEpochMilli(decideBy))
                    .append(" (")
                    .append(left(decideBy - System.currentTimeMillis()))
                    .append(" left); without a decision the release expires and counts as rejected.</p>\n");
        }
        if (s.phase() == Phase.AWAITING_APPROVAL) form(h, view, token);
    }

    private static void form(StringBuilder h, ReleaseView view, String token) {
        String version = view.status().version();
        String statement =
                ApprovalRecord.statement(DecisionKind.APPROVED, version, view.manifestSha256(), view.evidenceSha256());
        h.append("<form id=\"decide\" method=\"post\" action=\"/releases/").append(pathSegment(version));
        h.append("/decide\">\n");
        hidden(h, "token", token);
        hidden(h, "manifestSha256", view.manifestSha256());
        hidden(h, "evidenceSha256", view.evidenceSha256());
        h.append("<p>Deciding on manifest <code>")
                .append(text(view.manifestSha256()))
                .append("</code> and evidence <code>")
                .append(text(view.evidenceSha256()))
                .append("</code>.</p>\n");
        h.append("<label>Your name <input name=\"approver\" id=\"approver\" maxlength=\"100\"></label>\n");
        h.append("<label>Comment (required) <textarea name=\"comment\" id=\"comment\" maxlength=\"2000\">")
                .append("</textarea></label>\n");
        h.append("<details><summary>Signed decision (when the policy requires signatures)</summary>\n")
                .append("<p>Sign this statement and paste the signature below:</p>\n<pre id=\"statement\">")
                .append(text(statement))
                .append("</pre>\n<pre>printf '%s' '")
                .append(text(statement))
                .append("' | ssh-keygen -Y sign -n ")
                .append(ApprovalRecord.NAMESPACE)
                .append(" -f ~/.ssh/id_ed25519</pre>\n")
                .append("<label>Signature <textarea name=\"signature\" id=\"signature\"></textarea></label>\n")
                .append("<p>For a rejection, sign the same statement with <code>reject</code> in place of")
                .append(" <code>approve</code>.</p></details>\n");
        h.append("<button type=\"submit\" name=\"kind\" value=\"approve\" id=\"approve\">Approve</button>\n");
        h.append("<button type=\"submit\" name=\"kind\" value=\"reject\" id=\"reject\">Reject</button>\n</form>\n");
    }

    /** "2d 3h", "5h 12m", "14m": how long the window stays open. */
    static String left(long millis) {
        long minutes = Math.max(0, millis / 60_000);
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        if (days > 0) return days + "d " + hours + "h";
        if (hours > 0) return hours + "h " + minutes % 60 + "m";
        return minutes + "m";
    }

    private static void hidden(StringBuilder h, String name, String value) {
        h.append("<input type=\"hidden\" name=\"")
                .append(name)
                .append("\" value=\"")
                .append(text(value))
                .append("\">\n");
    }
}
