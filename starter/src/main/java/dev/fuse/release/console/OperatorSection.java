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

    static void append(StringBuilder h, ReleaseStatus s, String token) {
        if (ENDED.contains(s.phase())) return;
        List<TargetStatus> failed =
                s.targets().stream().filter(t -> t.stage() == Stage.FAILED).toList();
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
}
