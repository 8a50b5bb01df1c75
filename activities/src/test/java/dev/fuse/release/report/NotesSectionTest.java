package dev.fuse.release.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The report's "What changed" section: counts, breaking changes, contract changes, hostile text inert. */
class NotesSectionTest {
    @Test
    void theReportShowsWhatChangedWithCommitTextInert() throws Exception {
        ObjectNode notes = (ObjectNode) new ObjectMapper().readTree("""
                {"range": {"base": {"version": "0.4.0", "commit": "3a2cd45d9775"}, "commits": 3},
                 "groups": [
                   {"id": "breaking", "title": "Breaking changes", "commits": [
                     {"subject": "new \\u001b[31mwire</li><script>alert(1)</script>", "migration": "re-encode\\nforged"}]},
                   {"id": "fixes", "title": "Fixes", "commits": [{"subject": "a"}, {"subject": "b"}]}],
                 "contract": {"changed": true, "comparedWith": "0.4.0",
                   "changes": [{"field": "slo.strippedBinaryMaxBytes", "previous": "25000000", "now": "20000000"}]}}
                """);

        String html =
                new String(HtmlReport.html(ReportFixtures.request(2_000_000), notes, null), StandardCharsets.UTF_8);

        assertThat(html)
                .contains("<h2>What changed</h2>")
                .contains("3 commits since 0.4.0 (<code>3a2cd45d9775</code>)")
                .contains("<li>Breaking changes: 1</li><li>Fixes: 2</li>")
                .contains("new \\u001b[31mwire&lt;/li&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("migration: re-encode\\u000aforged")
                .contains("<tr><td>slo.strippedBinaryMaxBytes</td><td>25000000</td><td>20000000</td></tr>")
                .doesNotContain("<script>")
                .doesNotContain("\u001b");
    }

    @Test
    void withoutNotesTheReportHasNoSuchSection() {
        String html = new String(HtmlReport.html(ReportFixtures.request(2_000_000)), StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("What changed");
    }
}
