package dev.fuse.release.doctor;

/**
 * One thing {@code doctor} checked: what, how it went, what it saw, and how to fix it.
 *
 * @param check short name ("temporal", "bucket", "signing key")
 * @param detail what was found, in one line; never a secret
 * @param fix what to do about a FAIL or WARN, or null
 */
public record Finding(String check, Status status, String detail, String fix) {
    public enum Status {
        OK,
        WARN,
        FAIL,
        /** Not checked, because something it needs failed first (detail says what). */
        SKIP
    }

    public static Finding ok(String check, String detail) {
        return new Finding(check, Status.OK, detail, null);
    }

    public static Finding warn(String check, String detail, String fix) {
        return new Finding(check, Status.WARN, detail, fix);
    }

    public static Finding fail(String check, String detail, String fix) {
        return new Finding(check, Status.FAIL, detail, fix);
    }

    public static Finding skip(String check, String why) {
        return new Finding(check, Status.SKIP, why, null);
    }
}
