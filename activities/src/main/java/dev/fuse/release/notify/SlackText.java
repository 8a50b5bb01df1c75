package dev.fuse.release.notify;

import dev.fuse.release.contract.model.Notification;
import dev.fuse.release.notes.Inert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The message as Slack (and Mattermost, Teams' Slack-compatible hooks) shows it. Every value that
 * came from a person or a build goes through {@link #escape}: Slack reads {@code <...>} as a link
 * or a mention, so a failure text could otherwise ping a channel or hide a link.
 */
final class SlackText {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SlackText() {}

    static String of(Notification event, String notesHeadline, String consoleLink, List<String> commands) {
        StringBuilder text = new StringBuilder("*Fuse " + escape(event.version()) + "* " + headline(event));
        if (event.reason() != null) text.append("\n>").append(escape(event.reason()));
        if (notesHeadline != null) text.append("\nNotes: ").append(escape(notesHeadline));
        if (consoleLink != null) text.append("\n<").append(consoleLink).append("|Open it in the console>");
        for (String command : commands)
            text.append("\n`").append(escape(command)).append('`');
        return text.toString();
    }

    private static String headline(Notification event) {
        return switch (event.event()) {
            case TARGET_FAILED ->
                "is waiting for an operator: " + escape(String.join(", ", event.targets())) + " failed";
            case AWAITING_APPROVAL ->
                "is waiting for approval (" + needed(event) + ", decide by "
                        + WHEN.format(Instant.ofEpochMilli(event.approval().decideByMillis())) + ")";
            case APPROVAL_ENDING ->
                "still needs approval: the window closes "
                        + WHEN.format(Instant.ofEpochMilli(event.approval().decideByMillis())) + " (" + needed(event)
                        + ")";
            case PUBLISHED -> "is published";
            case REJECTED -> "was rejected";
            case EXPIRED -> "expired: nobody decided in time";
            case ABANDONED -> "was abandoned";
            case FAILED -> "failed";
            case CANCELLED -> "was cancelled";
            case ROLLED_BACK -> "was rolled back";
        };
    }

    private static String needed(Notification event) {
        int n = event.approval().approvalsNeeded();
        return n == 1 ? "1 approval needed" : n + " approvals needed";
    }

    /** Slack's three control characters, and any control character made visible. */
    static String escape(String raw) {
        return Inert.text(raw).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
