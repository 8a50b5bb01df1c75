package dev.fuse.release.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.contract.model.Notification;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The JSON a receiver gets, schema {@value #SCHEMA} (docs/notifications.md): the event, the
 * release, why, what to do next (console link and CLI commands) and a Slack-compatible
 * {@code text}. Made only from the event and the run's staged notes, so every attempt of one
 * event sends the same bytes, and the signature over them is the same.
 */
public final class NotificationBody {
    public static final String SCHEMA = "fuse-release/notification/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationBody() {}

    /**
     * @param console the console's address, or null when none is configured
     * @param notesHeadline the notes in one line (approval events), or null
     */
    public static byte[] render(Notification event, URI console, String notesHeadline) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", SCHEMA);
        body.put("id", event.id());
        body.put("type", event.event().wireName());
        body.put("occurredAt", Instant.ofEpochMilli(event.occurredAtMillis()).toString());
        ObjectNode release = body.putObject("release");
        release.put("version", event.version());
        release.put("commit", event.release().commit());
        release.put("requestedBy", event.release().requestedBy());
        release.put("runId", event.release().runId());
        if (event.reason() != null) body.put("reason", event.reason());
        if (!event.targets().isEmpty()) event.targets().forEach(body.putArray("targets")::add);
        if (event.approval() != null) {
            ObjectNode approval = body.putObject("approval");
            approval.put(
                    "decideBy",
                    Instant.ofEpochMilli(event.approval().decideByMillis()).toString());
            approval.put("approvalsNeeded", event.approval().approvalsNeeded());
        }
        if (notesHeadline != null) body.put("notes", notesHeadline);
        String link = console == null
                ? null
                : console.resolve("releases/" + event.version()).toString();
        if (link != null) body.putObject("links").put("console", link);
        List<String> commands = NextSteps.commands(event);
        commands.forEach(body.putArray("commands")::add);
        body.put("text", SlackText.of(event, notesHeadline, link, commands));
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
