package dev.fuse.release.contract.model;

/**
 * What a release tells its webhook endpoints about, each under the stable name a receiver
 * switches on ({@code type} in the body, {@code X-Fuse-Release-Event} on the request).
 */
public enum NotificationEvent {
    TARGET_FAILED("target.failed"),
    AWAITING_APPROVAL("release.awaiting_approval"),
    APPROVAL_ENDING("release.approval_ending"),
    PUBLISHED("release.published"),
    REJECTED("release.rejected"),
    EXPIRED("release.expired"),
    ABANDONED("release.abandoned"),
    FAILED("release.failed"),
    CANCELLED("release.cancelled"),
    ROLLED_BACK("release.rolled_back");

    private final String wireName;

    NotificationEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The event a release that ended in {@code phase} sends; an expired approval is told apart from a rejection. */
    public static NotificationEvent endingIn(Phase phase, boolean expired) {
        return switch (phase) {
            case PUBLISHED -> PUBLISHED;
            case REJECTED -> expired ? EXPIRED : REJECTED;
            case ABANDONED -> ABANDONED;
            case CANCELLED -> CANCELLED;
            default -> FAILED;
        };
    }
}
