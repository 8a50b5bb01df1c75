package dev.fuse.release.cli;

import dev.fuse.release.contract.model.ApprovalRecord;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.DeliveryStatus;
import dev.fuse.release.contract.model.GateResult;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.TargetStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a release status as text lines, the same for status, watch and demo. Every text that
 * came from outside this program (names, comments, failure messages, log tails) goes through
 * {@link Text#safe}, and multi-line texts are shown as indented, marked lines, so nothing stored
 * in a release can rewrite or forge what the terminal shows.
 */
public final class StatusView {
    private StatusView() {}

    public static List<String> lines(ReleaseStatus s) {
        List<String> lines = new ArrayList<>();
        lines.add("release " + Text.safe(s.version()) + "  phase " + s.phase()
                + (s.commit() == null ? "" : "  commit " + s.commit().substring(0, 12))
                + (s.sourceDateEpoch() == null ? "" : "  SOURCE_DATE_EPOCH " + s.sourceDateEpoch()));
        for (TargetStatus t : s.targets()) {
            String host = t.hostClass() == null
                    ? ""
                    : "  host " + Text.safe(t.hostClass()) + (t.emulated() ? " (emulated)" : "");
            String detail = t.detail() == null ? "" : "  " + firstLine(t.detail());
            String where = (t.failedIn() == null ? "" : " in " + t.failedIn())
                    + (t.attempt() > 1 ? " (attempt " + t.attempt() + ")" : "");
            lines.add(String.format("  %-12s %-10s%s%s%s", t.target().id(), t.stage(), where, host, detail));
        }
        addOperatorHint(lines, s);
        if (!s.artifacts().isEmpty()) {
            lines.add("  artifacts:");
            for (Artifact a : s.artifacts()) {
                lines.add(String.format(
                        "    %-40s %9d bytes  sha256 %s",
                        a.name(), a.ref().size(), a.ref().sha256()));
            }
        }
        if (s.gates() != null) {
            addGates(lines, s);
        }
        if (s.reports() != null) {
            lines.add("  evidence: " + s.reports().html().key() + " (sha256 "
                    + s.reports().html().sha256().substring(0, 12) + ")");
        }
        if (s.metadata() != null) {
            lines.add("  manifest sha256 " + s.metadata().manifest().sha256());
        }
        if (s.reports() != null && s.metadata() != null) {
            lines.add("  evidence sha256 " + s.reports().json().sha256() + " (slo-report.json)");
        }
        addApprovals(lines, s);
        if (s.phase() == Phase.PUBLISHED) {
            lines.add("  published at " + s.publishedPrefix());
        }
        if (s.failure() != null) {
            addBlock(lines, "  " + (s.phase() == Phase.REJECTED ? "rejected" : "failed") + ": ", s.failure());
        }
        addNotifications(lines, s);
        return lines;
    }

    /** Each event's delivery to each endpoint: "release.published -> #1 hooks.example.com  delivered (HTTP 204)". */
    private static void addNotifications(List<String> lines, ReleaseStatus s) {
        if (s.notifications().isEmpty()) return;
        lines.add("  notifications:");
        for (DeliveryStatus d : s.notifications()) {
            String state = d.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            String attempts = d.attempts() > 1 ? ", " + d.attempts() + " attempts" : "";
            String outcome = d.lastOutcome() == null ? "" : " (" + Text.safe(d.lastOutcome()) + attempts + ")";
            lines.add(String.format(
                    "    %-26s -> %-24s %s%s", d.event().wireName(), Text.safe(d.endpoint()), state, outcome));
        }
    }

    /** Every decision kept, and while waiting, how many approvals are still needed. */
    private static void addApprovals(List<String> lines, ReleaseStatus s) {
        ReleaseStatus.Approval approval = s.approval();
        if (approval.records().isEmpty() && s.decision() != null) {
            lines.add("  " + s.decisionKind().word() + " by "
                    + Text.safe(s.decision().approver()) + ": "
                    + Text.safe(s.decision().comment()));
        }
        for (ApprovalRecord r : approval.records()) {
            lines.add("  " + r.kind().word() + " by " + Text.safe(r.approver())
                    + (r.keyFingerprint() == null ? "" : " (signed, key " + r.keyFingerprint() + ")") + ": "
                    + Text.safe(r.rationale()));
        }
        if (s.phase() == Phase.AWAITING_APPROVAL) {
            int approved = approval.required() - approval.stillNeeded();
            lines.add("  approvals: " + approved + " of " + approval.required() + "; " + approval.stillNeeded()
                    + " more needed: ./fuse-release approve " + Text.safe(s.version()) + " --comment <why>");
            if (approval.needsMaintainer()) lines.add("  contract changed: needs a maintainer's approval");
            if (approval.decideByMillis() != null) {
                lines.add("  decide by " + Instant.ofEpochMilli(approval.decideByMillis())
                        + " (then the release expires, counted as rejected)");
            }
        }
    }

    /** A release that waits on a failed target says what an operator can type. */
    private static void addOperatorHint(List<String> lines, ReleaseStatus s) {
        if (s.phase() != Phase.BUILDING) return;
        for (TargetStatus t : s.targets()) {
            if (t.stage() == Stage.FAILED) {
                lines.add("  waiting for an operator: ./fuse-release retry " + Text.safe(s.version()) + " "
                        + t.target().id() + " --reason <why>   (or ./fuse-release abandon " + Text.safe(s.version())
                        + " --reason <why>)");
            }
        }
    }

    private static void addGates(List<String> lines, ReleaseStatus s) {
        lines.add("  gates: " + s.gates().verdict());
        for (GateResult g : s.gates().gates()) {
            lines.add(String.format(
                    "    %-4s %-12s %-15s %-60s %-22s margin %s",
                    g.pass() ? "ok" : "FAIL",
                    g.target().id(),
                    g.gate(),
                    clip(Text.safe(g.value()), 60),
                    Text.safe(g.threshold()),
                    Text.safe(g.margin())));
        }
    }

    /** The first line after the label, every further line (a log tail) indented behind a bar. */
    private static void addBlock(List<String> lines, String label, String text) {
        List<String> parts = text.lines().toList();
        lines.add(label + Text.safe(parts.isEmpty() ? "" : parts.get(0)));
        for (int i = 1; i < parts.size(); i++) {
            lines.add("    | " + Text.safe(parts.get(i)));
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return Text.safe(nl < 0 ? text : text.substring(0, nl) + " ...");
    }
}
