package dev.fuse.release.contract.model;

import java.util.List;

/**
 * One event as the workflow knows it when it happens: references and short facts only, never an
 * endpoint or a secret (the worker holds those). The id stays the same on every attempt and every
 * endpoint, so a receiver drops a repeated delivery by it.
 *
 * @param release the release run the event is about (its staged notes and evidence are found by it)
 * @param reason why the release ended or the target failed (null for other events)
 * @param targets the targets an event is about (the failed ones), empty otherwise
 * @param approval the approval window, for the approval events (else null)
 */
public record Notification(
        String id,
        NotificationEvent event,
        long occurredAtMillis,
        Subject release,
        String reason,
        List<String> targets,
        ApprovalWindow approval) {

    /** Which run of which release, at which commit, asked for by whom (commit null before planning). */
    public record Subject(String version, String runId, String commit, String requestedBy) {}

    /** When the approval window closes and how many approvals are still needed then. */
    public record ApprovalWindow(long decideByMillis, int approvalsNeeded) {}

    public Notification {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** A new event without id, reason, targets or window (see the withers). */
    public static Notification of(NotificationEvent event, long occurredAtMillis, Subject release) {
        return new Notification(null, event, occurredAtMillis, release, null, List.of(), null);
    }

    public String version() {
        return release.version();
    }

    public Notification withId(String eventId) {
        return new Notification(eventId, event, occurredAtMillis, release, reason, targets, approval);
    }

    /** The event with why it happened (an ending's reason, a failed target's summary). */
    public Notification withReason(String why) {
        return new Notification(id, event, occurredAtMillis, release, why, targets, approval);
    }

    public Notification withTargets(List<String> about) {
        return new Notification(id, event, occurredAtMillis, release, reason, about, approval);
    }

    /** The event with the approval window's end and the approvals still needed. */
    public Notification withApproval(long decideByMillis, int needed) {
        return new Notification(
                id, event, occurredAtMillis, release, reason, targets, new ApprovalWindow(decideByMillis, needed));
    }
}
