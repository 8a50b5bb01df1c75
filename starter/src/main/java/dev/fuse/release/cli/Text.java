package dev.fuse.release.cli;

/**
 * Makes text that came from users, recipes or build logs safe to print on a terminal: every
 * control character (escape sequences, carriage returns, newlines, bidirectional overrides) is
 * shown as a visible escape, so no stored text can move the cursor or forge an output line.
 */
public final class Text {
    private Text() {}

    public static String safe(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                out.append(String.format("\\x%02x", (int) c));
            } else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
