package dev.fuse.release.report;

import dev.fuse.release.model.ColdStart;
import dev.fuse.release.model.GateResult;
import dev.fuse.release.model.MeasureResult;
import dev.fuse.release.model.MeasurementProtocol;
import dev.fuse.release.model.ReleasePlan;
import dev.fuse.release.model.SloReportRequest;
import dev.fuse.release.model.TargetEvidence;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network) with
 * the gate table, each target's cold-start distribution, sizes, build-time trend and protocol.
 */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";
    private static final String AOT_COLOR = "#1f77b4";
    private static final String JIT_COLOR = "#ff7f0e";

    private HtmlReport() {}

    public static byte[] html(SloReportRequest request) {
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
        for (TargetEvidence e : request.evidence()) {
            targetSection(h, e);
        }
        h.append("</body></html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void gateTable(StringBuilder h, SloReportRequest request) {
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
        h.append(coldStartPlot(target, m.aot(), m.jit()));
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
                .append(trend(m.buildTimesSeconds()));
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

    /** Where a time lands on the plot's log-scaled axis. */
    private record Axis(double lmin, double span, int left, int plotWidth) {
        double x(double millis) {
            return HtmlReport.x(millis, lmin, span, left, plotWidth);
        }
    }

    /** Samples of both modes as dots on a log-scaled time axis, with p50 and p95 ticks. */
    static String coldStartPlot(String target, ColdStart aot, ColdStart jit) {
        int width = 760;
        int height = 150;
        int left = 60;
        int right = 20;
        double min = Math.max(0.1, Math.min(min(aot), min(jit)) * 0.8);
        double max = Math.max(max(aot), max(jit)) * 1.25;
        double lmin = Math.log10(min);
        Axis axis = new Axis(lmin, Math.max(1e-9, Math.log10(max) - lmin), left, width - left - right);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"coldstart\" data-target=\"")
                .append(esc(target))
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"cold start samples\">\n");
        svg.append("<line x1=\"")
                .append(left)
                .append("\" y1=\"120\" x2=\"")
                .append(width - right)
                .append("\" y2=\"120\" stroke=\"#888\"/>\n");
        decadeTicks(svg, axis, max, width - right);
        sampleRow(svg, axis, aot, AOT_COLOR, 35);
        sampleRow(svg, axis, jit, JIT_COLOR, 80);
        return svg.append("</svg>\n").toString();
    }

    private static void decadeTicks(StringBuilder svg, Axis axis, double max, int rightEdge) {
        for (int decade = (int) Math.floor(axis.lmin()); decade <= (int) Math.ceil(Math.log10(max)); decade++) {
            double x = axis.x(Math.pow(10, decade));
            if (x < axis.left() || x > rightEdge) continue;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"116\" x2=\"%.1f\" y2=\"124\" stroke=\"#888\"/>"
                            + "<text x=\"%.1f\" y=\"140\" font-size=\"11\" text-anchor=\"middle\">%s ms</text>\n",
                    x,
                    x,
                    x,
                    fmt(Math.pow(10, decade))));
        }
    }

    /** One mode's samples as dots at height {@code y}, with p50 and p95 as ticks. */
    private static void sampleRow(StringBuilder svg, Axis axis, ColdStart c, String color, int y) {
        svg.append("<text x=\"4\" y=\"")
                .append(y + 4)
                .append("\" font-size=\"12\" fill=\"")
                .append(color)
                .append("\">")
                .append(esc(c.mode()))
                .append("</text>\n");
        for (double s : c.samplesMillis()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%d\" r=\"3.5\" fill=\"%s\" fill-opacity=\"0.6\"/>",
                    axis.x(s),
                    y,
                    color));
        }
        for (double p : List.of(c.p50Millis(), c.p95Millis())) {
            double px = axis.x(p);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>",
                    px,
                    y - 12,
                    px,
                    y + 12,
                    color));
        }
        svg.append('\n');
    }

    static String trend(List<Double> seconds) {
        int width = 300;
        int height = 60;
        double max = seconds.stream().mapToDouble(Double::doubleValue).max().orElse(1) * 1.1;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < seconds.size(); i++) {
            double x = seconds.size() == 1 ? width / 2.0 : 10 + i * (width - 20.0) / (seconds.size() - 1);
            double y = height - 5 - seconds.get(i) / Math.max(max, 1e-9) * (height - 10);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<svg class=\"buildtrend\" width=\"" + width + "\" height=\"" + height
                + "\" xmlns=\"http://www.w3.org/2000/svg\">"
                + "<polyline fill=\"none\" stroke=\"#555\" stroke-width=\"2\" points=\""
                + points.toString().strip() + "\"/></svg>\n";
    }

    private static double x(double value, double lmin, double span, int left, int width) {
        return left + (Math.log10(Math.max(value, 1e-3)) - lmin) / span * width;
    }

    private static double min(ColdStart c) {
        return c.samplesMillis().stream().mapToDouble(Double::doubleValue).min().orElse(1);
    }

    private static double max(ColdStart c) {
        return c.samplesMillis().stream().mapToDouble(Double::doubleValue).max().orElse(1);
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
