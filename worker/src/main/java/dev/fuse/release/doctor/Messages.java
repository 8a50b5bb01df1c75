package dev.fuse.release.doctor;

/** Turning the tool's one-line errors ("what; how to fix") into findings. */
final class Messages {
    static final String SETUP_FIX = "run fuse-release setup (registers them; idempotent)";

    private Messages() {}

    /** A FAIL from an error of the form "what went wrong; what to do". */
    static Finding failure(String check, String message) {
        int split = message.indexOf("; ");
        return split < 0
                ? Finding.fail(check, message, null)
                : Finding.fail(check, message.substring(0, split), message.substring(split + 2));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return String.valueOf(root.getMessage());
    }
}
