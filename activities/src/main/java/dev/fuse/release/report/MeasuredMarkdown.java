package dev.fuse.release.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.notes.Inert;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of the notes one run measured, rendered from its {@code slo-report.json}: each target's
 * figures against the previous release, then the release gate checklist (each gate's threshold,
 * the measured value and GO / NO-GO). {@code notes} prints it after {@code RELEASE_NOTES.md}, which
 * holds only what the revision and the base decide.
 */
public final class MeasuredMarkdown {
    private MeasuredMarkdown() {}

    public static String render(JsonNode sloReport) {
        StringBuilder md = new StringBuilder();
        comparison(md, sloReport.path("comparison"));
        checklist(md, sloReport);
        return md.toString();
    }

    private static void comparison(StringBuilder md, JsonNode c) {
        if (c.isMissingNode()) return;
        String previous = c.path("comparedWith").asText(null);
        md.append("## Measured");
        md.append(previous == null ? "" : " against " + previous).append("\n\n");
        if (previous == null) md.append(Inert.markdown(c.path("missing").asText("nothing to compare with")) + ".\n\n");
        lines(md, "Targets added", c.path("targetsAdded"));
        lines(md, "Targets removed", c.path("targetsRemoved"));
        lines(md, "Emulated (figures from an emulated host, not the native one)", c.path("emulatedTargets"));
        lines(md, "Static profile (linked statically)", c.path("staticTargets"));
        for (JsonNode target : c.path("targets")) {
            md.append("### ").append(target.path("target").asText());
            md.append(target.path("emulated").asBoolean() ? " (emulated)" : "").append("\n\n");
            md.append("| figure | ").append(previous == null ? "previous" : previous);
            md.append(" | now | change |\n|---|---|---|---|\n");
            for (JsonNode f : target.path("figures")) {
                String unit = f.path("unit").asText();
                md.append("| ").append(f.path("label").asText()).append(" | ");
                md.append(value(f.path("previous"), unit)).append(" | ").append(value(f.path("now"), unit));
                md.append(" | ").append(change(f)).append(" |\n");
            }
            md.append('\n');
        }
    }

    private static void lines(StringBuilder md, String title, JsonNode targets) {
        if (targets.isEmpty()) return;
        List<String> names = new ArrayList<>();
        targets.forEach(t -> names.add(t.asText()));
        md.append(title).append(": ").append(String.join(", ", names)).append(".\n\n");
    }

    private static void checklist(StringBuilder md, JsonNode report) {
        md.append("## Release gate checklist\n\n");
        for (JsonNode g : report.path("gates")) {
            boolean pass = g.path("pass").asBoolean();
            md.append(pass ? "- [x] " : "- [ ] ")
                    .append(g.path("target").asText())
                    .append(' ')
                    .append(g.path("gate").asText())
                    .append(": ")
                    .append(g.path("value").asText())
                    .append(" (threshold ")
                    .append(g.path("threshold").asText())
                    .append(", margin ")
                    .append(g.path("margin").asText())
                    .append("): ")
                    .append(pass ? "GO" : "NO-GO")
                    .append('\n');
        }
        md.append("\nVerdict: **").append(report.path("verdict").asText()).append("**\n");
    }

    /** A figure in its unit, "-" when absent. */
    public static String value(JsonNode value, String unit) {
        if (!value.isNumber()) return "-";
        return number(value.asDouble()) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** A figure's change, "+7 B (+5.7%)": signed, in its unit, then relative; "unchanged", or "new" without a previous figure. */
    public static String change(JsonNode f) {
        if (!f.path("change").isNumber()) return "new";
        double change = f.path("change").asDouble();
        if (change == 0) return "unchanged";
        String text =
                (change > 0 ? "+" : "") + value(f.path("change"), f.path("unit").asText());
        JsonNode percent = f.path("changePercent");
        if (!percent.isNumber()) return text;
        return text + " (" + (percent.asDouble() > 0 ? "+" : "") + number(percent.asDouble()) + "%)";
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.format(Locale.ROOT, "%d", (long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
