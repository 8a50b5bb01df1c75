package dev.fuse.release.contract.model;

/**
 * One decision as the release kept it and publishes it in {@code approval.json}.
 *
 * @param approver the identity that counted: the signing principal for a signed decision, else the
 *     typed name
 * @param atMillis workflow time of the decision
 * @param keyFingerprint the signing key ({@code SHA256:...}), null when unsigned
 * @param signature the armored SSH signature over {@link #statement}, null when unsigned
 */
public record ApprovalRecord(
        DecisionKind kind,
        String approver,
        String rationale,
        String manifestSha256,
        String evidenceSha256,
        long atMillis,
        String keyFingerprint,
        String signature) {
    public static final String NAMESPACE = "fuse-release-approval";

    /**
     * What an approver signs: {@code fuse-release approve <version> <manifest> <evidence>}
     * ({@code none} when the release has no gate evidence), so a signature counts for nothing
     * else.
     */
    public static String statement(DecisionKind kind, String version, String manifestSha256, String evidenceSha256) {
        String verb = kind == DecisionKind.REJECTED ? "reject" : "approve";
        return "fuse-release " + verb + " " + version + " " + manifestSha256 + " "
                + (evidenceSha256 == null ? "none" : evidenceSha256);
    }
}
