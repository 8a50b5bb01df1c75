package dev.fuse.release.console;

import dev.fuse.release.notes.Inert;

/**
 * Escaping for the console's pages. Every value that comes from a commit, a build, a user or the
 * bucket goes through {@link #text}: control characters become visible escapes first (a terminal
 * escape or a forged line stays inert even in a copied snippet), then HTML's five special
 * characters become entities, so a value can never open an element or leave an attribute.
 */
final class Html {
    private Html() {}

    static String text(String value) {
        if (value == null) return "";
        String inert = Inert.text(value);
        StringBuilder out = new StringBuilder(inert.length() + 16);
        for (int i = 0; i < inert.length(); i++) {
            char c = inert.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A version or digest in a URL path: only characters a release version or hex digest has. */
    static String pathSegment(String value) {
        return value == null ? "" : value.replaceAll("[^A-Za-z0-9._+-]", "");
    }

    /** The page frame: one stylesheet and one script, both served by the console itself. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(title) + "</title><link rel=\"stylesheet\" href=\"/console.css\">"
                + "<script src=\"/console.js\" defer></script></head><body>\n"
                + "<header><a href=\"/\">fuse-release console</a></header>\n<main>\n" + body
                + "</main></body></html>\n";
    }
}
