package dev.fuse.release.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.contract.model.DeliveryStatus;
import dev.fuse.release.contract.model.NotificationEvent;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleasePageTest {
    @Test
    void deliveriesAreListedWithTheirAnswersEscaped() {
        ReleaseStatus status = new ReleaseStatus(
                "0.4.0",
                Phase.PUBLISHED,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                List.of(new DeliveryStatus(
                        "r.1",
                        NotificationEvent.PUBLISHED,
                        "#1 hooks.example.com",
                        DeliveryStatus.State.RETRYING,
                        2,
                        "<script>alert(1)</script>")));

        String page = ReleasePage.render(new ReleaseView(status, null, null, false), "token", null);

        assertThat(page)
                .contains("<table id=\"notifications\">")
                .contains("<td>release.published</td><td>#1 hooks.example.com</td><td>retrying</td><td>2</td>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
    }
}
