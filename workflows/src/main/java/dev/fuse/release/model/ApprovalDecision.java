package dev.fuse.release.model;

/**
 * A human decision on a release waiting for approval.
 *
 * @param manifestSha256 optional: when given, the decision applies only if it matches the staged
 *     manifest, so nobody approves a release other than the one they looked at
 */
public record ApprovalDecision(String approver, String comment, String manifestSha256) {}
