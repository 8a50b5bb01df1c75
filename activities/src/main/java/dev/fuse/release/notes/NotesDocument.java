package dev.fuse.release.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.support.CanonicalJson;
import java.nio.charset.StandardCharsets;

/**
 * The two files of a release's notes: {@code release-notes.json} (for tools) and
 * {@code RELEASE_NOTES.md} (for people), both from one {@link NotesInput}, both deterministic.
 * Format: docs/release-notes.md.
 */
public final class NotesDocument {
    public static final String JSON_FILE = "release-notes.json";
    public static final String MARKDOWN_FILE = "RELEASE_NOTES.md";

    private NotesDocument() {}

    public static byte[] json(NotesInput in) {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("project", in.project());
        root.put("version", in.version());
        root.set("range", range(in));
        root.set("previousRelease", release(in.previous()));
        ArrayNode groups = root.putArray("groups");
        for (ConventionalCommit.Group group : ConventionalCommit.Group.values()) {
            ArrayNode commits = CanonicalJson.MAPPER.createArrayNode();
            in.range().commits().stream().filter(c -> c.group() == group).forEach(c -> commits.add(commit(c)));
            if (commits.isEmpty()) continue;
            ObjectNode g = groups.addObject();
            g.put("id", group.id());
            g.put("title", group.title());
            g.set("commits", commits);
        }
        ArrayNode merges = root.putArray("merges");
        in.range().merges().forEach(m -> merges.addObject().put("sha", m.sha()).put("subject", m.subject()));
        ArrayNode contributors = root.putArray("contributors");
        for (String name : in.range().contributors()) {
            contributors
                    .addObject()
                    .put("name", name)
                    .put("firstTime", in.range().firstTimeContributors().contains(name));
        }
        root.set("contract", contract(in));
        return CanonicalJson.write(root).getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode range(NotesInput in) {
        ObjectNode range = CanonicalJson.MAPPER.createObjectNode();
        range.set("base", release(in.base()));
        range.put("head", in.range().head());
        range.put("commits", in.range().total());
        range.put("listed", in.range().commits().size() + in.range().merges().size());
        range.put("firstRelease", in.previous() == null);
        range.set("lastCandidate", release(in.bases().lastCandidate()));
        range.put("baseChosenBecause", in.bases().overrideReason());
        range.put("problem", in.range().problem());
        return range;
    }

    /** {@code {"version", "commit"}} (version null for a base named as a commit), or JSON null. */
    private static JsonNode release(PreviousRelease.Published release) {
        if (release == null) return NullNode.getInstance();
        return CanonicalJson.MAPPER
                .createObjectNode()
                .put("version", release.version())
                .put("commit", release.commit());
    }

    private static ObjectNode commit(ConventionalCommit c) {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("sha", c.sha());
        n.put("type", c.type());
        n.put("scope", c.scope());
        n.put("breaking", c.breaking());
        n.put("subject", c.subject());
        n.put("migration", c.migration());
        n.put("author", c.author());
        return n;
    }

    private static ObjectNode contract(NotesInput in) {
        ObjectNode contract = CanonicalJson.MAPPER.createObjectNode();
        contract.put(
                "comparedWith", in.previous() == null ? null : in.previous().version());
        contract.put("changed", in.contractChanged());
        ArrayNode changes = contract.putArray("changes");
        in.contractChanges()
                .forEach(c -> changes.addObject()
                        .put("field", c.field())
                        .put("previous", c.previous())
                        .put("now", c.now()));
        contract.put("rationale", in.contractRationale());
        return contract;
    }

    public static byte[] markdown(NotesInput in) {
        return NotesMarkdown.render(in).getBytes(StandardCharsets.UTF_8);
    }
}
