package dev.fuse.release.audit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Reads a {@code SHA256SUMS} file (the {@code sha256sum} format); malformed lines are problems. */
final class Checksums {
    private Checksums() {}

    static Map<String, String> parse(byte[] sums, String object, AuditReport report) {
        Map<String, String> out = new TreeMap<>();
        String[] lines = new String(sums, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) continue;
            if (!line.matches("[0-9a-f]{64}  [^/\\\\]+")) {
                report.problem(
                        object,
                        "line " + (i + 1),
                        "'<sha256>  <name>'",
                        "'" + line.replaceAll("\\p{Cntrl}", "?") + "'");
            } else {
                out.put(line.substring(66), line.substring(0, 64));
            }
        }
        return out;
    }
}
