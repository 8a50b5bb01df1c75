package dev.fuse.release.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A posted {@code application/x-www-form-urlencoded} body, bounded in size. */
final class Forms {
    /** A decision's fields (comment, signature) fit well within this; more is refused unread. */
    static final int MAX_BYTES = 32 * 1024;

    private Forms() {}

    static Map<String, String> read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) throw new IOException("the form is larger than " + MAX_BYTES + " bytes");
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(bytes, StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty()) continue;
            String[] kv = pair.split("=", 2);
            String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    /** A field's value without surrounding blanks, or null when it is missing or blank. */
    static String optional(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
