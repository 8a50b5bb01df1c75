package dev.fuse.release.contract.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release target: the contract's three official targets, or a synthetic one for scale drills.
 * The id is a wire name: it appears in workflow ids, S3 keys and artifact names, so it never
 * changes. Targets are values, not an enum, so that a matrix can be wider than the contract's
 * three without a code change: {@code synthetic-01} to {@code synthetic-999} are built like
 * linux-x64 by any worker that emulates the {@code synthetic} platform, all from one task queue.
 *
 * <p>The JSON form is the upper-case wire name ({@code LINUX_X64}), the form the enum this class
 * replaced had, so histories recorded before it replay unchanged.
 */
public final class Target implements Comparable<Target> {
    public static final Target LINUX_X64 =
            official(0, "linux-x64", "x86_64-unknown-linux-gnu", ArchiveFormat.TAR_GZ, "");
    public static final Target MACOS_ARM64 =
            official(1, "macos-arm64", "aarch64-apple-darwin", ArchiveFormat.TAR_GZ, "");
    public static final Target WINDOWS_X64 =
            official(2, "windows-x64", "x86_64-pc-windows-msvc", ArchiveFormat.ZIP, ".exe");

    /** The platform of synthetic targets: one task queue, served only by emulating workers. */
    public static final String SYNTHETIC_PLATFORM = "synthetic";

    public static final int MAX_SYNTHETIC = 999;
    private static final List<Target> OFFICIAL = List.of(LINUX_X64, MACOS_ARM64, WINDOWS_X64);
    private static final Pattern SYNTHETIC_ID = Pattern.compile("synthetic-([0-9]{2,3})");

    private final int rank;
    private final String id;
    private final String triple;
    private final ArchiveFormat archiveFormat;
    private final String executableSuffix;
    private final String platform;

    private Target(int rank, String id, String triple, ArchiveFormat format, String suffix, String platform) {
        this.rank = rank;
        this.id = id;
        this.triple = triple;
        this.archiveFormat = format;
        this.executableSuffix = suffix;
        this.platform = platform;
    }

    private static Target official(int rank, String id, String triple, ArchiveFormat format, String suffix) {
        return new Target(rank, id, triple, format, suffix, id);
    }

    /** Synthetic target {@code n} (1 to {@value #MAX_SYNTHETIC}), e.g. {@code synthetic-07}. */
    public static Target synthetic(int n) {
        if (n < 1 || n > MAX_SYNTHETIC) {
            throw new IllegalArgumentException("synthetic target number " + n + " is outside 1-" + MAX_SYNTHETIC);
        }
        String id = String.format(Locale.ROOT, "synthetic-%02d", n);
        return new Target(OFFICIAL.size() + n, id, LINUX_X64.triple, ArchiveFormat.TAR_GZ, "", SYNTHETIC_PLATFORM);
    }

    public String id() {
        return id;
    }

    public String triple() {
        return triple;
    }

    public ArchiveFormat archiveFormat() {
        return archiveFormat;
    }

    public String executableSuffix() {
        return executableSuffix;
    }

    /**
     * The platform whose workers build this target, and so the suffix of its task queue: the id
     * itself for an official target, {@value #SYNTHETIC_PLATFORM} for a synthetic one.
     */
    public String platform() {
        return platform;
    }

    public boolean isSynthetic() {
        return platform.equals(SYNTHETIC_PLATFORM);
    }

    /** The contract's targets, in canonical order. */
    public static List<Target> values() {
        return OFFICIAL;
    }

    /** An official target by id, or a synthetic one by its canonical id. */
    public static Optional<Target> fromId(String id) {
        if (id == null) return Optional.empty();
        for (Target t : OFFICIAL) {
            if (t.id.equals(id)) return Optional.of(t);
        }
        Matcher m = SYNTHETIC_ID.matcher(id);
        if (!m.matches()) return Optional.empty();
        int n = Integer.parseInt(m.group(1));
        Target candidate = n < 1 ? null : synthetic(n);
        return candidate != null && candidate.id.equals(id) ? Optional.of(candidate) : Optional.empty();
    }

    /** Parses a target id or fails with a message that lists the valid ids. */
    public static Target parse(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown target '" + id + "': " + validIds()));
    }

    /** The official ids: the default matrix. */
    public static List<String> allIds() {
        return OFFICIAL.stream().map(Target::id).toList();
    }

    /** What an error message offers as valid ids. */
    public static String validIds() {
        return "use one of " + String.join(", ", allIds()) + " (or synthetic-01 to synthetic-" + MAX_SYNTHETIC
                + " for scale drills)";
    }

    /** The platforms a worker can serve: the official ids and {@value #SYNTHETIC_PLATFORM}. */
    public static List<String> platforms() {
        return List.of(LINUX_X64.id, MACOS_ARM64.id, WINDOWS_X64.id, SYNTHETIC_PLATFORM);
    }

    @JsonValue
    public String wireName() {
        return id.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Reads the wire name, or the id. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Target fromWire(String text) {
        String id = text.toLowerCase(Locale.ROOT).replace('_', '-');
        return parse(id);
    }

    @Override
    public int compareTo(Target other) {
        return Integer.compare(rank, other.rank);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && t.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
