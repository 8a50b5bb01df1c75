package dev.fuse.release.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.contract.activity.NotificationActivities;
import dev.fuse.release.contract.model.Delivery;
import dev.fuse.release.contract.model.DeliveryAttempt;
import dev.fuse.release.contract.model.Notification;
import dev.fuse.release.contract.model.NotificationEvent;
import dev.fuse.release.notes.Inert;
import dev.fuse.release.notes.NotesDocument;
import dev.fuse.release.notify.NotificationBody;
import dev.fuse.release.notify.WebhookSender;
import dev.fuse.release.notify.WebhookSettings;
import dev.fuse.release.report.NotesHeadline;
import dev.fuse.release.report.SloReport;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.util.List;

/** Sends what the workflow asks to the endpoints this worker was configured with. */
public class NotificationActivitiesImpl implements NotificationActivities {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebhookSettings settings;
    private final WebhookSender sender;
    private final ArtifactStore store;

    public NotificationActivitiesImpl(WebhookSettings settings, ArtifactStore store) {
        this.settings = settings;
        this.sender = new WebhookSender(settings.secret());
        this.store = store;
    }

    @Override
    public List<String> endpoints() {
        return settings.labels();
    }

    @Override
    public DeliveryAttempt deliver(Delivery delivery) {
        if (delivery.endpoint() < 0
                || delivery.endpoint() >= settings.endpoints().size()) {
            return DeliveryAttempt.failed(
                    false,
                    "endpoint #" + (delivery.endpoint() + 1) + " is no longer configured on this worker"
                            + " (FUSE_RELEASE_NOTIFY changed while the release ran)");
        }
        Notification event = delivery.notification();
        byte[] body = NotificationBody.render(event, settings.console(), notesHeadline(event));
        return sender.post(
                settings.endpoints().get(delivery.endpoint()),
                event.id(),
                event.event().wireName(),
                body);
    }

    /** The staged notes in a line, for the events that ask someone to approve; null for others or when unreadable. */
    private String notesHeadline(Notification event) {
        if (event.event() != NotificationEvent.AWAITING_APPROVAL
                && event.event() != NotificationEvent.APPROVAL_ENDING) {
            return null;
        }
        String prefix =
                StoreLayout.stagingPrefix(event.version(), event.release().runId());
        try {
            JsonNode notes = JSON.readTree(store.getBytes(prefix + NotesDocument.JSON_FILE));
            String report = prefix + SloReport.FILE_NAME;
            JsonNode measured = store.exists(report) ? JSON.readTree(store.getBytes(report)) : null;
            return new NotesHeadline(Inert::text).of(notes, measured);
        } catch (IOException | RuntimeException e) {
            // A notification without its notes line still calls the approver; the console has the notes.
            return null;
        }
    }
}
