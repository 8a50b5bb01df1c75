package dev.fuse.release.contract.model;

import java.util.List;

/**
 * One event as the workflow knows it when it happens: references and short facts only, never an
 * endpoint or a secret (the worker holds those). The id stays the same on every attempt and every
 * endpoint, so a receiver drops a repeated delivery by it.
 *
 * @param runId the release run whose staged notes and evidence the event points at
 * @param reason why the release ended or the target failed (null for other events)
 * @param targets the targets an event is about (the failed ones), empty otherwise
 * @param decideByMillis when the approval window closes, for the approval events (else null)
 * @param approvalsNeeded approvals still needed, for the approval events (else 0)
 */
public record Notification(
        String id,
        NotificationEvent event,
        String version,
        String runId,
        long occurredAtMillis,
        String commit,
        String requestedBy,
        String reason,
        List<String> targets,
        Long decideByMillis,
        int approvalsNeeded) {

    public Notification {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public Notification withId(String eventId) {
        return new Notification(
                eventId,
                event,
                version,
                runId,
                occurredAtMillis,
                commit,
                requestedBy,
                reason,
                targets,
                decideByMillis,
                approvalsNeeded);
    }

    /** The event with why it happened (an ending's reason, a failed target's summary). */
    public Notification withReason(String why) {
        return new Notification(
                id,
                event,
                version,
                runId,
                occurredAtMillis,
                commit,
                requestedBy,
                why,
                targets,
                decideByMillis,
                approvalsNeeded);
    }

    public Notification withTargets(List<String> about) {
        return new Notification(
                id,
                event,
                version,
                runId,
                occurredAtMillis,
                commit,
                requestedBy,
                reason,
                about,
                decideByMillis,
                approvalsNeeded);
    }

    /** The event with the approval window's end and the approvals still needed. */
    public Notification withApproval(Long decideBy, int needed) {
        return new Notification(
                id, event, version, runId, occurredAtMillis, commit, requestedBy, reason, targets, decideBy, needed);
    }
}
