package dev.fuse.release.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.client.ReleaseNotesReader;
import dev.fuse.release.notes.NotesDocument;
import dev.fuse.release.report.MeasuredMarkdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notes in one line for {@code status}, {@code watch} and the demo: the range, the commits per
 * group, whether the contract changed, the largest measured changes against the previous release,
 * and where to read the rest. Only counts, versions and figures: no commit text reaches it.
 */
final class NotesSummary {
    private NotesSummary() {}

    /** The line, or empty before planning has written notes (or when the store cannot be read). */
    static Optional<String> of(ReleaseClient releases, String version) {
        ReleaseNotesReader reader = new ReleaseNotesReader(releases);
        JsonNode notes;
        Optional<JsonNode> report;
        try {
            String key = reader.locate(version, NotesDocument.JSON_FILE);
            notes = reader.readJson(key);
            report = reader.sloReport(version, key);
        } catch (RuntimeException e) {
            // A summary is a courtesy: no notes yet, or an unreachable store, leaves it out.
            return Optional.empty();
        }
        return Optional.of(line(version, notes, report.orElse(null)));
    }

    /** The line from the notes' JSON and, once the run has measured, its evidence report (else null). */
    static String line(String version, JsonNode notes, JsonNode report) {
        StringBuilder line = new StringBuilder("  notes: ");
        range(line, notes);
        JsonNode contract = notes.path("contract");
        line.append(
                contract.path("changed").asBoolean()
                        ? "; contract CHANGED (" + contract.path("changes").size() + " fields)"
                        : "; contract unchanged");
        if (report != null) largestChanges(line, report.path("comparison"));
        return line.append(": ./fuse-release notes ").append(version).toString();
    }

    private static void range(StringBuilder line, JsonNode notes) {
        JsonNode range = notes.path("range");
        int total = range.path("commits").asInt();
        line.append(total).append(total == 1 ? " commit" : " commits");
        JsonNode base = range.path("base");
        if (!base.isObject()) {
            line.append(" (first release)");
        } else {
            line.append(" since ").append(Text.safe(base.path("version").asText(shortSha(base))));
        }
        List<String> counts = new ArrayList<>();
        notes.path("groups")
                .forEach(g -> counts.add(
                        g.path("commits").size() + " " + Text.safe(g.path("id").asText())));
        if (notes.path("merges").size() > 0) counts.add(notes.path("merges").size() + " merges");
        if (!counts.isEmpty())
            line.append(" (").append(String.join(", ", counts)).append(')');
    }

    private static String shortSha(JsonNode base) {
        String sha = base.path("commit").asText("?");
        return "commit " + sha.substring(0, Math.min(12, sha.length()));
    }

    private static void largestChanges(StringBuilder line, JsonNode comparison) {
        if (comparison.path("comparedWith").isTextual()
                && comparison.path("largestChanges").isEmpty()) {
            line.append("; no measured change");
            return;
        }
        List<String> changes = new ArrayList<>();
        for (JsonNode c : comparison.path("largestChanges")) {
            changes.add(Text.safe(c.path("target").asText()) + " "
                    + Text.safe(c.path("label").asText()) + " " + MeasuredMarkdown.change(c));
        }
        if (!changes.isEmpty()) line.append("; largest changes: ").append(String.join(", ", changes));
    }
}
