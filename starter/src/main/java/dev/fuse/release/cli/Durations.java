package dev.fuse.release.cli;

/** Parses human durations such as 90s, 30m, 36h, 7d. */
final class Durations {
    private Durations() {}

    static long parseSeconds(String text, String option) {
        if (text == null || !text.matches("[1-9][0-9]{0,6}[smhd]")) {
            throw new CliException(
                    ExitCodes.BAD_INPUT, option + " '" + text + "' must be a number with a unit s, m, h or d, e.g. 7d");
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> n;
            case 'm' -> n * 60;
            case 'h' -> n * 3600;
            default -> n * 86400;
        };
    }
}
