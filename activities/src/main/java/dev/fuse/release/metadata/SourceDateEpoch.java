package dev.fuse.release.metadata;

import dev.fuse.release.contract.model.ReleaseRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * SOURCE_DATE_EPOCH as reproducible-builds.org defines it: a plain ASCII integer of seconds
 * since the epoch. Anything else is an error that names the variable.
 */
public final class SourceDateEpoch {
    /** Zip cannot represent times before 1980-01-01T00:00:00Z. */
    public static final long ZIP_MINIMUM = ReleaseRequest.EPOCH_MIN;

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private SourceDateEpoch() {}

    public static long parse(String text) {
        if (text != null && text.matches("-[0-9]+")) {
            throw new IllegalArgumentException(
                    "SOURCE_DATE_EPOCH must not be negative (seconds since 1970-01-01 UTC, at least " + ZIP_MINIMUM
                            + " for zip archives), got '" + text + "'");
        }
        if (text == null || !text.matches("[0-9]{1,12}")) {
            throw new IllegalArgumentException(
                    "SOURCE_DATE_EPOCH must be a plain integer of seconds since 1970-01-01 UTC, got '" + text + "'");
        }
        return Long.parseLong(text);
    }

    /** Renders as {@code YYYY-MM-DDTHH:MM:SSZ}, always UTC. */
    public static String toUtc(long epochSeconds) {
        return UTC.format(Instant.ofEpochSecond(epochSeconds));
    }
}
