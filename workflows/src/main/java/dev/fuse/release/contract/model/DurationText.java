package dev.fuse.release.contract.model;

import java.util.OptionalLong;

/**
 * Durations as people write them on command lines and in configuration: {@code 90s}, {@code 30m},
 * {@code 36h}, {@code 7d}. One parser for the CLI's options and the approval policy file; each
 * caller words its own error.
 */
public final class DurationText {
    private DurationText() {}

    /** The seconds {@code text} stands for, or empty when it is not a positive number with a unit s, m, h or d. */
    public static OptionalLong seconds(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,6}[smhd]")) return OptionalLong.empty();
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return OptionalLong.of(
                switch (text.charAt(text.length() - 1)) {
                    case 's' -> n;
                    case 'm' -> n * 60;
                    case 'h' -> n * 3600;
                    default -> n * 86400;
                });
    }
}
