package dev.fuse.release.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.client.ReleaseNotesReader;
import dev.fuse.release.notes.NotesDocument;
import dev.fuse.release.report.NotesHeadline;
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
        return "  notes: " + new NotesHeadline(Text::safe).of(notes, report) + ": ./fuse-release notes " + version;
    }
}
