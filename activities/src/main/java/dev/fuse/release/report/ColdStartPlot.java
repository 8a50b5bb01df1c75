package dev.fuse.release.report;

import static dev.fuse.release.report.HtmlReport.esc;
import static dev.fuse.release.report.HtmlReport.fmt;

import dev.fuse.release.contract.model.ColdStart;
import java.util.List;
import java.util.Locale;

/** The report's inline SVG: cold-start samples of both modes on a log axis, and the build-time trend. */
final class ColdStartPlot {
    static final String AOT_COLOR = "#1f77b4";
    static final String JIT_COLOR = "#ff7f0e";

    private ColdStartPlot() {}

    /** Where a time lands on the plot's log-scaled axis. */
    private record Axis(double lmin, double span, int left, int plotWidth) {
        double x(double millis) {
            return ColdStartPlot.x(millis, lmin, span, left, plotWidth);
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
}
