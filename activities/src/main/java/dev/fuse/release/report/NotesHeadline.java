package dev.fuse.release.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A release's notes in one line, for a terminal or a chat message: the range, the commits per
 * group, whether the contract changed and the largest measured changes against the previous
 * release. Only counts, versions and figures: no commit text reaches it, and every value read
 * from the notes goes through the caller's {@code inert} (the terminal's and the chat's differ).
 */
public final class NotesHeadline {
    private final UnaryOperator<String> inert;

    public NotesHeadline(UnaryOperator<String> inert) {
        this.inert = inert;
    }

    /** The line from the notes' JSON and, once the run has measured, its evidence report (else null). */
    public String of(JsonNode notes, JsonNode report) {
        StringBuilder line = new StringBuilder();
        range(line, notes);
        JsonNode contract = notes.path("contract");
        line.append(
                contract.path("changed").asBoolean()
                        ? "; contract CHANGED (" + contract.path("changes").size() + " fields)"
                        : "; contract unchanged");
        if (report != null) largestChanges(line, report.path("comparison"));
        return line.toString();
    }

    private void range(StringBuilder line, JsonNode notes) {
        JsonNode range = notes.path("range");
        int total = range.path("commits").asInt();
        line.append(total).append(total == 1 ? " commit" : " commits");
        JsonNode base = range.path("base");
        if (!base.isObject()) {
            line.append(" (first release)");
        } else {
            line.append(" since ").append(inert.apply(base.path("version").asText(shortSha(base))));
        }
        List<String> counts = new ArrayList<>();
        notes.path("groups")
                .forEach(g -> counts.add(g.path("commits").size() + " "
                        + inert.apply(g.path("id").asText())));
        if (notes.path("merges").size() > 0) counts.add(notes.path("merges").size() + " merges");
        if (!counts.isEmpty())
            line.append(" (").append(String.join(", ", counts)).append(')');
    }

    private static String shortSha(JsonNode base) {
        String sha = base.path("commit").asText("?");
        return "commit " + sha.substring(0, Math.min(12, sha.length()));
    }

    private void largestChanges(StringBuilder line, JsonNode comparison) {
        if (comparison.path("comparedWith").isTextual()
                && comparison.path("largestChanges").isEmpty()) {
            line.append("; no measured change");
            return;
        }
        List<String> changes = new ArrayList<>();
        for (JsonNode c : comparison.path("largestChanges")) {
            changes.add(inert.apply(c.path("target").asText()) + " "
                    + inert.apply(c.path("label").asText()) + " " + MeasuredMarkdown.change(c));
        }
        if (!changes.isEmpty()) line.append("; largest changes: ").append(String.join(", ", changes));
    }
}
