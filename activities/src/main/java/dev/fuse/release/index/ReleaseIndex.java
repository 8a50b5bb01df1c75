package dev.fuse.release.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of release runs kept in the bucket ({@code index/<version>/<runId>.json}). It answers
 * "which releases exist" on any Temporal server, including the embedded test server, which has
 * no visibility (list) API.
 */
public final class ReleaseIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArtifactStore store;

    public record Entry(
            String version, String workflowId, String runId, String commit, String revision, String requestedBy) {}

    public ReleaseIndex(ArtifactStore store) {
        this.store = store;
    }

    static final String ROLLBACK = "rollback.json";

    /** A rollback of {@code version}, kept beside its runs: who, what latest points at, the marker. */
    public void recordRollback(String version, String latestNow, String operator, ArtifactRef marker) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", version);
        node.put("latestNow", latestNow);
        node.put("operator", operator);
        node.put("yankMarker", marker.key());
        node.put("yankMarkerSha256", marker.sha256());
        store.putBytes(
                "index/" + version + "/" + ROLLBACK,
                (node.toString() + "\n").getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    public void record(ReleaseRequest request, String workflowId, String runId, String commit) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", request.version());
        node.put("workflowId", workflowId);
        node.put("runId", runId);
        node.put("commit", commit);
        node.put("revision", request.revision());
        node.put("requestedBy", request.requestedBy());
        store.putBytes(
                StoreLayout.indexEntry(request.version(), runId),
                (node.toString() + "\n").getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    /** Every recorded run, by version then run id. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (String key : store.listKeys("index/")) {
            if (key.endsWith("/" + ROLLBACK)) continue;
            try {
                JsonNode n = JSON.readTree(store.getBytes(key));
                entries.add(new Entry(
                        n.path("version").asText(),
                        n.path("workflowId").asText(),
                        n.path("runId").asText(),
                        n.path("commit").asText(),
                        n.path("revision").asText(),
                        n.path("requestedBy").asText()));
            } catch (IOException e) {
                // A damaged entry must not hide the others; it is reported by its key.
                entries.add(new Entry(key, "", "", "", "unreadable index entry", ""));
            }
        }
        return entries;
    }
}
