package dev.fuse.release.packaging;

import java.util.Optional;

/**
 * What an archive member may be called: printable text only. A newline, carriage return, escape
 * sequence or bidirectional override in a name would forge lines in {@code tar -t}, a terminal or
 * a report, so such a name is refused at packaging, shown escaped.
 */
final class MemberNames {
    private MemberNames() {}

    /** Why {@code name} may not be a member name, or empty when it may. */
    static Optional<String> problem(String name) {
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!printable(c)) {
                return Optional.of(String.format(
                        "has the unprintable character U+%04X in its name; member names must be printable text,"
                                + " rename it in the recipe or the build",
                        c));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** The name with every unprintable character written as an escape, safe to show anywhere. */
    static String escaped(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (printable(c)) out.appendCodePoint(c);
            else if (c == '\n') out.append("\\n");
            else if (c == '\r') out.append("\\r");
            else if (c == '\t') out.append("\\t");
            else out.append(String.format("\\u%04X", c));
        });
        return out.toString();
    }

    private static boolean printable(int c) {
        int type = Character.getType(c);
        return !Character.isISOControl(c)
                && type != Character.FORMAT
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE
                && type != Character.SURROGATE;
    }
}
