package dev.fuse.release.contract.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semantic version of a release: {@code MAJOR.MINOR.PATCH} with an optional pre-release tag. */
public final class ReleaseVersion implements Comparable<ReleaseVersion> {
    private static final Pattern SEMVER =
            Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:-([0-9A-Za-z.-]{1,40}))?");

    private final int major;
    private final int minor;
    private final int patch;
    private final String preRelease;

    private ReleaseVersion(int major, int minor, int patch, String preRelease) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.preRelease = preRelease;
    }

    /** Parses a version or fails with a message that shows the expected shape. */
    public static ReleaseVersion parse(String text) {
        Matcher m = text == null ? null : SEMVER.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(
                    "malformed version '" + text + "': use MAJOR.MINOR.PATCH, e.g. 0.4.0 or 0.4.1-rc.1");
        }
        return new ReleaseVersion(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4));
    }

    public static boolean isValid(String text) {
        return text != null && SEMVER.matcher(text).matches();
    }

    @Override
    public int compareTo(ReleaseVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        if (c == 0) c = Integer.compare(patch, o.patch);
        if (c != 0) return c;
        // A release sorts after any of its pre-releases (semver rule 11).
        if (preRelease == null) return o.preRelease == null ? 0 : 1;
        if (o.preRelease == null) return -1;
        return preRelease.compareTo(o.preRelease);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReleaseVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
    }
}
