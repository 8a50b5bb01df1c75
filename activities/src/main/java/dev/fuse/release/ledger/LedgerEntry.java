package dev.fuse.release.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.support.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of the release ledger: a publication or a rollback, the digests of the records it
 * wrote, where {@code latest} points afterwards, and the digest of the entry before it. The
 * signature is over the entry's canonical JSON without the signature field.
 *
 * @param seq 1 for the first entry, then one more each
 * @param previous sha256 of the previous entry's bytes, null for the first
 * @param action {@link #PUBLISHED} or {@link #YANKED}
 * @param objects file name to sha256: SHA256SUMS and PUBLISHED.json, or YANKED.json
 * @param latest the version latest.json names after this entry, null for none
 */
public record LedgerEntry(
        long seq,
        String previous,
        String action,
        String version,
        String runId,
        String by,
        String at,
        Map<String, String> objects,
        String latest,
        String signature) {
    public static final String PUBLISHED = "published";
    public static final String YANKED = "yanked";
    static final int FORMAT = 1;

    public LedgerEntry {
        objects = new TreeMap<>(objects);
    }

    /** The bytes that are signed: every field but the signature, canonical. */
    public byte[] signedBytes() {
        return CanonicalJson.write(body()).getBytes(StandardCharsets.UTF_8);
    }

    /** The stored object: the signed body plus its signature. */
    public byte[] bytes() {
        ObjectNode root = body();
        root.put("signature", signature);
        return CanonicalJson.write(root).getBytes(StandardCharsets.UTF_8);
    }

    public LedgerEntry signed(String armoredSignature) {
        return new LedgerEntry(seq, previous, action, version, runId, by, at, objects, latest, armoredSignature);
    }

    private ObjectNode body() {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("ledger", FORMAT);
        root.put("seq", seq);
        root.put("previous", previous);
        root.put("action", action);
        root.put("version", version);
        root.put("runId", runId);
        root.put("by", by);
        root.put("at", at);
        ObjectNode digests = root.putObject("objects");
        objects.forEach(digests::put);
        root.put("latest", latest);
        return root;
    }

    /** Reads a stored entry; a field that is missing reads as null, for the audit to name. */
    public static LedgerEntry parse(byte[] bytes) throws IOException {
        JsonNode n = CanonicalJson.MAPPER.readTree(bytes);
        if (n == null || !n.isObject()) throw new IOException("not a JSON object");
        Map<String, String> objects = new TreeMap<>();
        n.path("objects")
                .properties()
                .forEach(e -> objects.put(e.getKey(), e.getValue().asText()));
        return new LedgerEntry(
                n.path("seq").asLong(-1),
                text(n, "previous"),
                text(n, "action"),
                text(n, "version"),
                text(n, "runId"),
                text(n, "by"),
                text(n, "at"),
                objects,
                text(n, "latest"),
                text(n, "signature"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
