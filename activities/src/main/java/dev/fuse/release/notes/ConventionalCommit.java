package dev.fuse.release.notes;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One commit as the notes read it: the Conventional Commits header ({@code type(scope)!: subject})
 * when the subject has one, the {@code BREAKING CHANGE:} footer, and the group it belongs to. A
 * subject in no known shape is still a commit: it goes to "other", never away.
 *
 * @param migration the text of a {@code BREAKING CHANGE:} (or {@code BREAKING-CHANGE:}) footer, or null
 */
public record ConventionalCommit(
        String sha, String author, String type, String scope, boolean breaking, String subject, String migration) {
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z]+)(?:\\(([^()\\r\\n]*)\\))?(!)?: ?(\\S.*)$");
    private static final Pattern FOOTER = Pattern.compile("(?m)^BREAKING[ -]CHANGE: ?(.*)$");

    /** The groups of the notes, in the order they are shown. */
    public enum Group {
        BREAKING("Breaking changes"),
        FEATURES("Features"),
        FIXES("Fixes"),
        PERFORMANCE("Performance"),
        SECURITY("Security"),
        DEPENDENCIES("Dependencies"),
        OTHER("Other changes");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public String id() {
            return name().toLowerCase();
        }
    }

    static ConventionalCommit parse(String sha, String author, String subject, String body) {
        String migration = footer(body);
        Matcher m = HEADER.matcher(subject);
        if (!m.matches()) {
            return new ConventionalCommit(sha, author, null, null, migration != null, subject, migration);
        }
        boolean breaking = m.group(3) != null || migration != null;
        return new ConventionalCommit(
                sha,
                author,
                m.group(1).toLowerCase(),
                m.group(2),
                breaking,
                m.group(4).strip(),
                migration);
    }

    private static String footer(String body) {
        if (body == null) return null;
        Matcher m = FOOTER.matcher(body);
        if (!m.find()) return null;
        // The footer runs to the end of its paragraph; the notes keep it on one line.
        List<String> lines = body.substring(m.start(1)).lines().toList();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) break;
            if (text.length() > 0) text.append(' ');
            text.append(line.strip());
        }
        return text.toString();
    }

    public Group group() {
        if (breaking) return Group.BREAKING;
        if (type == null) return Group.OTHER;
        boolean deps = "deps".equals(scope) || type.equals("deps");
        if (deps) return Group.DEPENDENCIES;
        return switch (type) {
            case "feat", "feature" -> Group.FEATURES;
            case "fix" -> Group.FIXES;
            case "perf" -> Group.PERFORMANCE;
            case "security", "sec" -> Group.SECURITY;
            default -> Group.OTHER;
        };
    }
}
