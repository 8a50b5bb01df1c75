package dev.fuse.release.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.contract.model.Notification;
import dev.fuse.release.contract.model.NotificationEvent;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY = 24 * 3600 * 1000L;

    private static Notification event(NotificationEvent kind) {
        return Notification.of(kind, 0L, new Notification.Subject("0.4.0", "run-1", "c0ffee", "alice"))
                .withId("e-1");
    }

    @Test
    void anApprovalRequestSaysWhatWhenAndHowWithALink() throws Exception {
        Notification awaiting = event(NotificationEvent.AWAITING_APPROVAL).withApproval(3 * DAY, 2);

        byte[] bytes = NotificationBody.render(
                awaiting, URI.create("https://releases.example.com/"), "3 commits since 0.3.0; contract unchanged");
        JsonNode body = JSON.readTree(bytes);

        assertThat(body.path("schema").asText()).isEqualTo(NotificationBody.SCHEMA);
        assertThat(body.path("id").asText()).isEqualTo("e-1");
        assertThat(body.path("type").asText()).isEqualTo("release.awaiting_approval");
        assertThat(body.path("release").path("commit").asText()).isEqualTo("c0ffee");
        assertThat(body.path("approval").path("decideBy").asText()).isEqualTo("1970-01-04T00:00:00Z");
        assertThat(body.path("approval").path("approvalsNeeded").asInt()).isEqualTo(2);
        assertThat(body.path("links").path("console").asText())
                .isEqualTo("https://releases.example.com/releases/0.4.0");
        assertThat(body.path("commands").toString()).contains("./fuse-release approve 0.4.0");
        assertThat(body.path("text").asText())
                .startsWith("*Fuse 0.4.0* is waiting for approval (2 approvals needed, decide by 1970-01-04 00:00 UTC)")
                .contains("<https://releases.example.com/releases/0.4.0|Open it in the console>")
                .contains("Notes: 3 commits since 0.3.0");
        // Every attempt of an event sends the same bytes, so its signature is the same.
        assertThat(NotificationBody.render(
                        awaiting,
                        URI.create("https://releases.example.com/"),
                        "3 commits since 0.3.0; contract unchanged"))
                .isEqualTo(bytes);
    }

    @Test
    void textFromABuildCannotMentionLinkOrForgeLinesInChat() throws Exception {
        Notification failed = event(NotificationEvent.TARGET_FAILED)
                .withReason("windows-x64: <!channel> <https://evil.example|click> & more\n*forged*")
                .withTargets(List.of("windows-x64"));

        JsonNode body = JSON.readTree(NotificationBody.render(failed, null, null));

        String text = body.path("text").asText();
        assertThat(text).doesNotContain("<!channel>").doesNotContain("<https://evil");
        assertThat(text).contains("&lt;!channel&gt;").contains("&amp; more\\u000a*forged*");
        assertThat(body.path("reason").asText()).contains("<!channel>"); // the JSON field keeps the raw text
        assertThat(body.path("links").isMissingNode()).isTrue();
        assertThat(body.path("commands").toString())
                .contains("./fuse-release retry 0.4.0 windows-x64 --reason")
                .contains("./fuse-release abandon 0.4.0");
    }
}
