package dev.fuse.release.notes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How two release contracts differ, field by field ({@code slo.strippedBinaryMaxBytes: 25000000 ->
 * 30000000}): every leaf of either file by its dotted path, in path order. Any difference
 * (a threshold, a target, a rule) is a contract change.
 */
public final class ContractDiff {
    /** One field that differs; {@code previous} or {@code now} is null where the field is absent. */
    public record Change(String field, String previous, String now) {}

    private ContractDiff() {}

    public static List<Change> between(JsonNode previous, JsonNode now) {
        Map<String, String> before = leaves(previous);
        Map<String, String> after = leaves(now);
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String a = before.get(field);
            String b = after.get(field);
            if (a == null ? b != null : !a.equals(b)) changes.add(new Change(field, a, b));
        }
        return changes;
    }

    private static Map<String, String> leaves(JsonNode root) {
        Map<String, String> out = new TreeMap<>();
        collect("", root, out);
        return out;
    }

    private static void collect(String path, JsonNode node, Map<String, String> out) {
        if (node == null || node.isMissingNode()) return;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                collect(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) collect(path + "[" + i + "]", node.get(i), out);
        } else {
            out.put(path, node.isTextual() ? node.asText() : node.toString());
        }
    }
}
