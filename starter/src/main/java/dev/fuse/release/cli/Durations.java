package dev.fuse.release.cli;

import dev.fuse.release.contract.model.DurationText;

/** Parses human durations such as 90s, 30m, 36h, 7d given as options; a bad one is bad input. */
final class Durations {
    private Durations() {}

    static long parseSeconds(String text, String option) {
        return DurationText.seconds(text)
                .orElseThrow(() -> new CliException(
                        ExitCodes.BAD_INPUT,
                        option + " '" + text + "' must be a number with a unit s, m, h or d, e.g. 7d"));
    }
}
