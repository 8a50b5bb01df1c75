package dev.fuse.release.contract.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A human decision on a release waiting for approval.
 *
 * @param manifestSha256 the digest of the release-artifacts.json the approver reviewed; the decision
 *     applies only if it matches the staged manifest, so nobody approves another release than the
 *     one they looked at
 * @param evidenceSha256 the digest of the gate evidence (slo-report.json) reviewed, likewise
 * @param signature an armored SSH signature ({@code ssh-keygen -Y sign}, namespace
 *     fuse-release-approval) over {@link ApprovalRecord#statement}, or null
 */
public record ApprovalDecision(
        String approver, String comment, String manifestSha256, String evidenceSha256, String signature) {
    public static final int MAX_NAME = 100;
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_SIGNATURE = 4000;

    /** Digests are compared in lowercase; an uppercase but correct digest means the same manifest. */
    public ApprovalDecision {
        manifestSha256 = digest(manifestSha256);
        evidenceSha256 = digest(evidenceSha256);
        signature = signature == null || signature.isBlank() ? null : signature;
    }

    /** An unsigned decision without gate evidence digest (releases recorded before signed approvals). */
    public ApprovalDecision(String approver, String comment, String manifestSha256) {
        this(approver, comment, manifestSha256, null, null);
    }

    private static String digest(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * What is wrong with the decision as typed, each a sentence saying how to fix it. Names take no
     * control characters at all (they are printed in status lines and published in approval.json);
     * comments may span lines but take no other control characters (no terminal escapes).
     */
    public List<String> problems(String verb) {
        List<String> problems = new ArrayList<>();
        // A signed decision may leave the name out: its approver is the signing principal.
        boolean named = approver != null && !approver.isBlank();
        if (!named && signature == null) {
            problems.add("missing approver name: pass --approver <name> (or sign with --key)");
        } else if (named && approver.length() > MAX_NAME) {
            problems.add("approver name is " + approver.length() + " characters; at most " + MAX_NAME + " are allowed");
        } else if (named && hasControl(approver, false)) {
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
        digestProblem("--manifest-sha256", manifestSha256).ifPresent(problems::add);
        digestProblem("--evidence-sha256", evidenceSha256).ifPresent(problems::add);
        if (signature != null && signature.length() > MAX_SIGNATURE) {
            problems.add("the signature is " + signature.length() + " characters; at most " + MAX_SIGNATURE
                    + " are allowed (an SSH signature of an Ed25519 or RSA key is far smaller)");
        }
        return problems;
    }

    private static Optional<String> digestProblem(String option, String digest) {
        if (digest == null || digest.matches("[0-9a-f]{64}")) return Optional.empty();
        return Optional.of(option + " must be 64 hexadecimal digits (shown by ./fuse-release status), got '"
                + digest.replaceAll("\\p{Cntrl}", "?") + "'");
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
