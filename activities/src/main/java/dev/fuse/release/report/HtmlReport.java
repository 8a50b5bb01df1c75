package dev.fuse.release.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.contract.model.ColdStart;
import dev.fuse.release.contract.model.GateResult;
import dev.fuse.release.contract.model.MeasureResult;
import dev.fuse.release.contract.model.MeasurementProtocol;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.TargetEvidence;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network) with
 * the gate table, each target's cold-start distribution, sizes, build-time trend and protocol.
 */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";

    private HtmlReport() {}

    public static byte[] html(SloFigures request) {
        return html(request, null, null);
    }

    /**
     * The report, with a "What changed" section when the release's notes are given and a
     * "Measured against" section when the comparison with the previous release is.
     */
    public static byte[] html(SloFigures request, JsonNode notes, JsonNode comparison) {
        ReleasePlan plan = request.plan();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Fuse ")
                .append(esc(plan.version()))
                .append(" release gates</title><style>")
                .append(
                        "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}")
                .append(
                        "td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;font-size:.9rem}th{background:#f3f3f3}")
                .append(".pass{background:#e6f4ea}.fail{background:#fce8e6}.verdict{font-size:1.6rem;font-weight:bold}")
                .append(".go{color:#137333}.nogo{color:#c5221f}code{font-size:.85rem}</style></head><body>\n");
        h.append("<h1>Fuse ").append(esc(plan.version())).append(" release gates</h1>\n");
        h.append("<p>commit <code>")
                .append(esc(plan.commit()))
                .append("</code>, contract <code>")
                .append(esc(plan.contractId()))
                .append("</code>, run <code>")
                .append(esc(plan.runId()))
                .append("</code></p>\n");
        boolean go = request.gates().go();
        h.append("<p id=\"verdict\" class=\"verdict ")
                .append(go ? "go" : "nogo")
                .append("\">")
                .append(request.gates().verdict())
                .append("</p>\n");
        if (!plan.staticTargets().isEmpty()) {
            h.append("<p><b>Static linking (non-default):</b> ")
                    .append(esc(plan.staticTargets().toString()))
                    .append("</p>\n");
        }
        if (plan.thresholdRationale() != null) {
            h.append("<p><b>Threshold change rationale:</b> ")
                    .append(esc(plan.thresholdRationale()))
                    .append("</p>\n");
        }
        gateTable(h, request);
        if (notes != null) NotesSection.append(h, notes);
        if (comparison != null) ComparisonSection.append(h, comparison);
        for (TargetEvidence e : request.evidence()) {
            targetSection(h, e);
        }
        h.append("</body></html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void gateTable(StringBuilder h, SloFigures request) {
        h.append(
                "<h2>Gates</h2>\n<table id=\"gates\"><tr><th>target</th><th>gate</th><th>value</th><th>threshold</th><th>margin</th><th>verdict</th></tr>\n");
        for (GateResult g : request.gates().gates()) {
            h.append("<tr class=\"")
                    .append(g.pass() ? "pass" : "fail")
                    .append("\"><td>")
                    .append(esc(g.target().id()))
                    .append("</td><td>")
                    .append(esc(g.gate()))
                    .append("</td><td>")
                    .append(esc(g.value()))
                    .append("</td><td>")
                    .append(esc(g.threshold()))
                    .append("</td><td>")
                    .append(esc(g.margin()))
                    .append("</td><td>")
                    .append(g.pass() ? "pass" : "FAIL")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void targetSection(StringBuilder h, TargetEvidence e) {
        h.append("<h2>").append(esc(e.target().id())).append("</h2>\n");
        MeasureResult m = e.measure();
        if (m == null) {
            h.append("<p>No measurement.</p>\n");
            return;
        }
        measurement(h, e.target().id(), m);
        if (e.parity() != null) {
            h.append("<h3>Parity</h3>\n<p>")
                    .append(e.parity().tests())
                    .append(" cases, ")
                    .append(e.parity().failures())
                    .append(" divergent")
                    .append(
                            e.parity().divergences().isEmpty()
                                    ? ""
                                    : ": " + esc(String.join("; ", e.parity().divergences())))
                    .append("</p>\n");
        }
    }

    private static void measurement(StringBuilder h, String target, MeasureResult m) {
        h.append("<h3>Cold start (spawn to first HTTP 200, ")
                .append(m.aot().samplesMillis().size())
                .append(" runs per mode)</h3>\n");
        h.append(ColdStartPlot.coldStartPlot(target, m.aot(), m.jit()));
        h.append("<table><tr><th>mode</th><th>p50</th><th>p95</th><th>command</th></tr>\n");
        for (ColdStart c : List.of(m.aot(), m.jit())) {
            h.append("<tr><td>")
                    .append(esc(c.mode()))
                    .append("</td><td>")
                    .append(fmt(c.p50Millis()))
                    .append(" ms</td><td>")
                    .append(fmt(c.p95Millis()))
                    .append(" ms</td><td><code>")
                    .append(esc(String.join(" ", c.command())))
                    .append("</code></td></tr>\n");
        }
        h.append("</table>\n<h3>Size</h3>\n<table><tr><th>unstripped</th><th>stripped</th></tr><tr><td>")
                .append(m.unstrippedBytes())
                .append(" B</td><td>")
                .append(m.strippedBytes())
                .append(" B</td></tr></table>\n");
        h.append("<h3>Build time, last ")
                .append(m.buildTimesSeconds().size())
                .append(" jobs (p95 ")
                .append(fmt(m.buildTimeP95Seconds()))
                .append(" s)</h3>\n")
                .append(ColdStartPlot.trend(m.buildTimesSeconds()));
        MeasurementProtocol p = m.protocol();
        h.append("<h3>Protocol</h3>\n<table>")
                .append(row(
                        "host",
                        p.os() + " " + p.arch() + ", " + p.cpuModel() + ", " + p.cores() + " cores, class "
                                + p.hostClass() + (p.emulated() ? " (EMULATED build of " + target + ")" : "")))
                .append(row("target triple", p.targetTriple()))
                .append(row("git revision", p.commit()))
                .append(row("commands", String.join(" | ", p.commands())))
                .append(row("environment sha256", p.environmentSha256()))
                .append(row("load average start / end", fmt(p.loadAverageStart()) + " / " + fmt(p.loadAverageEnd())))
                .append(row("percentiles", p.percentileMethod()))
                .append("</table>\n");
    }

    private static String row(String k, String v) {
        return "<tr><th>" + esc(k) + "</th><td>" + esc(v) + "</td></tr>";
    }

    static String fmt(double v) {
        return v >= 100 || v == Math.rint(v)
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
