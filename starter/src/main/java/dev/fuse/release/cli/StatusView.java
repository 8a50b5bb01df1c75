package dev.fuse.release.cli;

import dev.fuse.release.model.Artifact;
import dev.fuse.release.model.GateResult;
import dev.fuse.release.model.Phase;
import dev.fuse.release.model.ReleaseStatus;
import dev.fuse.release.model.TargetStatus;
import java.util.ArrayList;
import java.util.List;

/** Renders a release status as text lines, the same for status, watch and demo. */
public final class StatusView {
  private StatusView() {}

  public static List<String> lines(ReleaseStatus s) {
    List<String> lines = new ArrayList<>();
    lines.add("release " + s.version() + "  phase " + s.phase()
        + (s.commit() == null ? "" : "  commit " + s.commit().substring(0, 12))
        + (s.sourceDateEpoch() == null ? "" : "  SOURCE_DATE_EPOCH " + s.sourceDateEpoch()));
    for (TargetStatus t : s.targets()) {
      String host = t.hostClass() == null ? "" : "  host " + t.hostClass() + (t.emulated() ? " (emulated)" : "");
      String detail = t.detail() == null ? "" : "  " + firstLine(t.detail());
      lines.add(String.format("  %-12s %-10s%s%s", t.target(), t.stage(), host, detail));
    }
    if (!s.artifacts().isEmpty()) {
      lines.add("  artifacts:");
      for (Artifact a : s.artifacts()) {
        lines.add(String.format("    %-40s %9d bytes  sha256 %s", a.name(), a.ref().size(), a.ref().sha256()));
      }
    }
    if (s.gates() != null) {
      lines.add("  gates: " + s.gates().verdict());
      for (GateResult g : s.gates().gates()) {
        lines.add(String.format("    %-4s %-12s %-15s %-60s %-22s margin %s", g.pass() ? "ok" : "FAIL", g.target(), g.gate(),
            clip(g.value(), 60), g.threshold(), g.margin()));
      }
    }
    if (s.reports() != null) {
      lines.add("  evidence: " + s.reports().html().key() + " (sha256 " + s.reports().html().sha256().substring(0, 12) + ")");
    }
    if (s.metadata() != null) {
      lines.add("  manifest sha256 " + s.metadata().manifest().sha256());
    }
    if (s.decision() != null) {
      lines.add("  " + s.decisionKind() + " by " + s.decision().approver() + ": " + s.decision().comment());
    }
    if (s.phase() == Phase.PUBLISHED) {
      lines.add("  published at " + s.publishedPrefix());
    }
    if (s.failure() != null) {
      lines.add("  " + (s.phase() == Phase.REJECTED ? "rejected" : "failed") + ": " + s.failure());
    }
    return lines;
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl) + " ...";
  }
}
