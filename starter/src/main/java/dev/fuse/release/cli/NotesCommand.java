package dev.fuse.release.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.index.ReleaseIndex;
import dev.fuse.release.notes.NotesDocument;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Prints a release's notes as planning wrote them: from the published release once there is one,
 * else from the staging area of its runs (the newest run that wrote notes), so approvers read them
 * while the release waits. Markdown for people, the JSON file with {@code --output json}.
 */
@Command(
        name = "notes",
        description = "Show a release's notes: the commits since the previous release by group, and how the"
                + " release contract changed.")
public class NotesCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    ReleaseArguments args;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        String file = args.json() ? NotesDocument.JSON_FILE : NotesDocument.MARKDOWN_FILE;
        String key = locate(ctx.releases(), args.version, file);
        String text = new String(ctx.releases().store().getBytes(key), StandardCharsets.UTF_8);
        ctx.out().print(text.endsWith("\n") ? text : text + "\n");
        ctx.out().flush();
        return ExitCodes.OK;
    }

    /**
     * One line for {@code status}: the range, the commits per group, whether the contract changed,
     * and where to read the rest; empty before planning has written notes.
     */
    static Optional<String> summary(ReleaseClient releases, String version) {
        JsonNode notes;
        try {
            String key = locate(releases, version, NotesDocument.JSON_FILE);
            notes = new ObjectMapper().readTree(releases.store().getBytes(key));
        } catch (RuntimeException | IOException e) {
            // A summary is a courtesy: no notes yet, or an unreachable store, leaves it out.
            return Optional.empty();
        }
        JsonNode range = notes.path("range");
        int total = range.path("commits").asInt();
        StringBuilder line = new StringBuilder("  notes: " + total + (total == 1 ? " commit" : " commits"));
        line.append(
                range.path("base").isObject()
                        ? " since "
                                + Text.safe(range.path("base").path("version").asText())
                        : " (first release)");
        List<String> counts = new ArrayList<>();
        notes.path("groups")
                .forEach(g ->
                        counts.add(g.path("commits").size() + " " + g.path("id").asText()));
        if (notes.path("merges").size() > 0) counts.add(notes.path("merges").size() + " merges");
        if (!counts.isEmpty())
            line.append(" (").append(String.join(", ", counts)).append(')');
        JsonNode contract = notes.path("contract");
        line.append(
                contract.path("changed").asBoolean()
                        ? "; contract CHANGED (" + contract.path("changes").size() + " fields)"
                        : "; contract unchanged");
        return Optional.of(
                line.append(": ./fuse-release notes ").append(version).toString());
    }

    /** The published notes, else the staged notes of the version's current (or last indexed) run. */
    static String locate(ReleaseClient releases, String version, String file) {
        ArtifactStore store = releases.store();
        String published = StoreLayout.releasePrefix(version) + file;
        if (store.exists(published)) return published;
        List<String> runs = new ArrayList<>();
        for (ReleaseIndex.Entry run : new ReleaseIndex(store).entries()) {
            if (!run.version().equals(version) || run.runId().isEmpty()) continue;
            if (store.exists(StoreLayout.stagingPrefix(version, run.runId()) + file)) runs.add(run.runId());
        }
        if (runs.isEmpty()) {
            throw new CliException(
                    ExitCodes.NOT_FOUND,
                    "no notes for release " + version + ": it is not published and no run of it has finished"
                            + " planning; see ./fuse-release status " + version);
        }
        String run = runs.get(runs.size() - 1);
        if (runs.size() > 1) {
            run = releases.currentRunId(version).filter(runs::contains).orElse(run);
        }
        return StoreLayout.stagingPrefix(version, run) + file;
    }
}
