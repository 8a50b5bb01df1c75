package dev.fuse.release.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A human decision on a release waiting for approval.
 *
 * @param manifestSha256 optional: when given, the decision applies only if it matches the staged
 *     manifest, so nobody approves a release other than the one they looked at
 */
public record ApprovalDecision(String approver, String comment, String manifestSha256) {
    public static final int MAX_NAME = 100;
    public static final int MAX_COMMENT = 2000;

    /** Digests are compared in lowercase; an uppercase but correct digest means the same manifest. */
    public ApprovalDecision {
        manifestSha256 = manifestSha256 == null || manifestSha256.isBlank()
                ? null
                : manifestSha256.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * What is wrong with the decision as typed, each a sentence saying how to fix it. Names take no
     * control characters at all (they are printed in status lines and published in approval.json);
     * comments may span lines but take no other control characters (no terminal escapes).
     */
    public List<String> problems(String verb) {
        List<String> problems = new ArrayList<>();
        if (approver == null || approver.isBlank()) {
            problems.add("missing approver name: pass --approver <name>");
        } else if (approver.length() > MAX_NAME) {
            problems.add("approver name is " + approver.length() + " characters; at most " + MAX_NAME + " are allowed");
        } else if (hasControl(approver, false)) {
            problems.add("approver name contains control characters (escape sequences, newlines); type a plain name");
        }
        if (comment == null || comment.isBlank()) {
            problems.add("missing comment: pass --comment <text> to " + verb);
        } else if (comment.length() > MAX_COMMENT) {
            problems.add("comment is " + comment.length() + " characters; at most " + MAX_COMMENT
                    + " are allowed (link to a longer text instead)");
        } else if (hasControl(comment, true)) {
            problems.add("comment contains control characters (terminal escape sequences); use plain text");
        }
        if (manifestSha256 != null && !manifestSha256.matches("[0-9a-f]{64}")) {
            problems.add("--manifest-sha256 must be 64 hexadecimal digits (shown by ./fuse-release status), got '"
                    + manifestSha256.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return problems;
    }

    /** C0 and C1 controls, DEL, and bidirectional overrides, which can reorder what a terminal shows. */
    public static boolean hasControl(String text, boolean allowNewlines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (allowNewlines && c == '\n') continue;
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return true;
            }
        }
        return false;
    }
}
