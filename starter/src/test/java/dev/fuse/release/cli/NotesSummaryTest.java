package dev.fuse.release.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The one-line summary carries counts, versions and figures, and nothing a commit author wrote. */
class NotesSummaryTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsPerGroupTheContractAndTheLargestMeasuredChanges() throws Exception {
        JsonNode notes = JSON.readTree("""
                {"range": {"base": {"version": "0.4.0", "commit": "abc"}, "commits": 3},
                 "groups": [{"id": "breaking", "commits": [{"subject": "x"}]},
                            {"id": "fixes", "commits": [{"subject": "y"}, {"subject": "z"}]}],
                 "merges": [], "contract": {"changed": true, "changes": [{"field": "slo.a"}]}}""");
        JsonNode report = JSON.readTree("""
                {"comparison": {"comparedWith": "0.4.0", "largestChanges": [
                  {"target": "linux-x64", "label": "stripped binary", "unit": "B", "change": 500000,
                   "changePercent": 25.0}]}}""");

        assertThat(NotesSummary.line("0.5.0", notes, report))
                .isEqualTo("  notes: 3 commits since 0.4.0 (1 breaking, 2 fixes); contract CHANGED (1 fields);"
                        + " largest changes: linux-x64 stripped binary +500000 B (+25%): ./fuse-release notes 0.5.0");
    }

    @Test
    void hostileTextInTheNotesNeverReachesTheTerminal() throws Exception {
        JsonNode notes = JSON.readTree("""
                {"range": {"base": {"version": "0.4.0\\u001b[2J\\nFAKE: approved", "commit": "abc"}, "commits": 1},
                 "groups": [{"id": "other\\u001b[31m", "commits": [
                   {"subject": "<script>alert(1)</script>\\u001b[2J\\nforged line"}]}],
                 "merges": [], "contract": {"changed": false}}""");

        String line = NotesSummary.line("0.5.0", notes, null);

        assertThat(line).doesNotContain("\u001b").doesNotContain("\n").doesNotContain("<script>");
        assertThat(line).contains("0.4.0\\x1b[2J\\nFAKE: approved").contains("1 other\\x1b[31m");
    }
}
