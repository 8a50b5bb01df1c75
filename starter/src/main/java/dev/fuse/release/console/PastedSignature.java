package dev.fuse.release.console;

/**
 * A signature as pasted into a form: browsers send a textarea's line ends as CRLF, and a terminal
 * copy often carries ssh-keygen's "Signing data on standard input" or a prompt around the armoured
 * block. Only the block itself is kept; text without one is passed on as typed, for the
 * validator to refuse by name.
 */
final class PastedSignature {
    private static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
    private static final String END = "-----END SSH SIGNATURE-----";

    private PastedSignature() {}

    /** The armoured block, or null when nothing was pasted. */
    static String of(String pasted) {
        if (pasted == null || pasted.isBlank()) return null;
        String text = pasted.replace("\r\n", "\n");
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END, Math.max(begin, 0));
        if (begin < 0 || end < 0) return text.strip();
        return text.substring(begin, end + END.length()) + "\n";
    }
}
