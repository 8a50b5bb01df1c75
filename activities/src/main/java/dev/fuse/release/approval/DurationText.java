package dev.fuse.release.approval;

import java.util.List;

/** Durations as people write them in configuration: {@code 7d}, {@code 12h}, {@code 30m}, {@code 90s}. */
final class DurationText {
    private DurationText() {}

    static long seconds(String text, String field, List<String> problems) {
        if (text != null && text.matches("[1-9][0-9]{0,6}[dhms]")) {
            long n = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 'd' -> n * 86400;
                case 'h' -> n * 3600;
                case 'm' -> n * 60;
                default -> n;
            };
        }
        problems.add(field + " must be a duration such as 7d, 12h or 30m, got '" + text + "'");
        return 0;
    }
}
