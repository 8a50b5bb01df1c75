package dev.fuse.release.notes;

/**
 * Commit text is written by whoever can push to the repository: it is shown inert. Control
 * characters (a newline that would forge a line, an ANSI escape that would repaint a terminal)
 * become visible escapes, and Markdown and HTML syntax is escaped where the text lands in Markdown.
 */
public final class Inert {
    private Inert() {}

    /** One line of plain text with every control character shown as {@code \u001b}. */
    public static String text(String raw) {
        if (raw == null) return "";
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** {@link #text} with Markdown's and HTML's syntax characters escaped. */
    public static String markdown(String raw) {
        StringBuilder out = new StringBuilder();
        for (char c : text(raw).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '#', '|', '!' ->
                    out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
