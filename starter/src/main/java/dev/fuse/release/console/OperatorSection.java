package dev.fuse.release.console;

import static dev.fuse.release.console.Html.pathSegment;
import static dev.fuse.release.console.Html.text;

import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.TargetStatus;
import java.util.List;
import java.util.Set;

/**
 * The operators' form on a running release: retry a failed target, abandon the release (when a
 * target failed and waits), or cancel it; each with the operator's name and a reason, signed
 * where the policy requires signed actions. The workflow's validators decide who may.
 */
final class OperatorSection {
    private static final Set<Phase> ENDED =
            Set.of(Phase.PUBLISHED, Phase.FAILED, Phase.REJECTED, Phase.ABANDONED, Phase.CANCELLED);

    private OperatorSection() {}

    static void append(StringBuilder h, ReleaseStatus s, boolean yanked, String token) {
        if (s.phase() == Phase.PUBLISHED) {
            rollback(h, s, yanked, token);
            return;
        }
        if (ENDED.contains(s.phase())) return;
        List<TargetStatus> failed =
                s.targets().stream().filter(t -> t.stage() == Stage.FAILED).toList();
        who(h, s, token);
        for (TargetStatus t : failed) {
            h.append("<button type=\"submit\" name=\"action\" value=\"retry:")
                    .append(t.target().id())
                    .append("\" id=\"retry-")
                    .append(t.target().id())
                    .append("\">Retry ")
                    .append(t.target().id())
                    .append("</button>\n");
        }
        if (!failed.isEmpty()) {
            h.append("<button type=\"submit\" name=\"action\" value=\"abandon\" id=\"abandon\">Abandon</button>\n");
        }
        h.append("<button type=\"submit\" name=\"action\" value=\"cancel\" id=\"cancel\">Cancel the release</button>\n")
                .append("</form>\n");
    }

    /** A published release can be taken back (yanked, latest moved), once. */
    private static void rollback(StringBuilder h, ReleaseStatus s, boolean yanked, String token) {
        if (yanked) {
            h.append("<p id=\"yanked\" class=\"failure\">This release was rolled back (yanked).</p>\n");
            return;
        }
        who(h, s, token);
        h.append("<label>Point latest to (--to; default: the newest published version before) <input name=\"to\"")
                .append(" id=\"to\" maxlength=\"64\"></label>\n")
                .append("<button type=\"submit\" name=\"action\" value=\"rollback\" id=\"rollback\">")
                .append("Roll back</button>\n</form>\n");
    }

    /** The form's start: the session token, the operator's name, the reason and an optional signature. */
    private static void who(StringBuilder h, ReleaseStatus s, String token) {
        h.append("<h2>Operator actions</h2>\n<form id=\"operate\" method=\"post\" action=\"/releases/")
                .append(pathSegment(s.version()))
                .append("/operate\">\n");
        h.append("<input type=\"hidden\" name=\"token\" value=\"")
                .append(text(token))
                .append("\">\n");
        h.append("<label>Operator <input name=\"operator\" id=\"operator\" maxlength=\"100\"></label>\n");
        h.append("<label>Reason (required) <textarea name=\"reason\" id=\"reason\" maxlength=\"2000\"></textarea>")
                .append("</label>\n<details><summary>Signed action (when the policy requires signatures)</summary>")
                .append("<p>Sign <code>fuse-release &lt;action&gt; ")
                .append(text(s.version()))
                .append(" [&lt;target&gt;]: &lt;reason&gt;</code> (e.g. <code>fuse-release cancel ")
                .append(text(s.version()))
                .append(": wrong revision</code>) with <code>ssh-keygen -Y sign -n ")
                .append(OperatorRequests.NAMESPACE)
                .append("</code>, without a final newline.</p>")
                .append("<label>Signature <textarea name=\"signature\"></textarea></label></details>\n");
    }
}
