package dev.fuse.release.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.client.ReleaseNotesReader;
import dev.fuse.release.notes.NotesDocument;
import dev.fuse.release.report.MeasuredMarkdown;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Prints a release's notes: {@code RELEASE_NOTES.md} as planning wrote it (what the revision and
 * the base decide), then what the run measured against the previous release and the release gate
 * checklist, from that run's evidence once it has measured. With {@code --output json}: the
 * {@code release-notes.json} file with one more key, {@code measured}.
 */
@Command(
        name = "notes",
        description = "Show a release's notes: the commits since the previous release by group, how the release"
                + " contract changed, what the run measured against the previous release, and the gate checklist.")
public class NotesCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    ReleaseArguments args;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        ReleaseNotesReader reader = new ReleaseNotesReader(ctx.releases());
        String key = reader.locate(args.version, args.json() ? NotesDocument.JSON_FILE : NotesDocument.MARKDOWN_FILE);
        Optional<JsonNode> report = reader.sloReport(args.version, key);
        if (args.json()) {
            ObjectNode notes = (ObjectNode) reader.readJson(key);
            notes.set("measured", report.map(NotesCommand::measured).orElse(null));
            ctx.out().println(Json.write(notes));
        } else {
            String text = new String(reader.read(key), StandardCharsets.UTF_8);
            ctx.out().print(text.endsWith("\n") ? text : text + "\n");
            report.ifPresent(r -> ctx.out()
                    .print("\n---\n\n_Measured by run `"
                            + Text.safe(r.path("runId").asText()) + "` (from its evidence, slo-report.json):_\n\n"
                            + MeasuredMarkdown.render(r)));
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }

    /** The run's comparison with the previous release and its gate checklist. */
    private static JsonNode measured(JsonNode report) {
        ObjectNode measured = JsonNodeFactory.instance.objectNode();
        measured.put("runId", report.path("runId").asText());
        measured.set("comparison", report.path("comparison"));
        measured.put("verdict", report.path("verdict").asText());
        measured.set("gates", report.path("gates"));
        return measured;
    }
}
