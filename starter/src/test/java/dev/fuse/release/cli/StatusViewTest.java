package dev.fuse.release.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.contract.model.ApprovalDecision;
import dev.fuse.release.contract.model.DeliveryStatus;
import dev.fuse.release.contract.model.NotificationEvent;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.TargetStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing stored in a release can move the cursor or forge a status line. */
class StatusViewTest {
    static final String FORGED = "ok\u001b[2J\u001b[H\nrelease 0.4.0  phase PUBLISHED\r\u202egnp.exe";

    @Test
    void escapeSequencesNewlinesAndBidiOverridesAreShownAsEscapes() {
        ReleaseStatus status = new ReleaseStatus(
                "0.4.0",
                Phase.REJECTED,
                null,
                List.of(new TargetStatus(
                        dev.fuse.release.contract.model.Target.LINUX_X64, Stage.FAILED, false, null, FORGED)),
                List.of(),
                null,
                new ReleaseStatus.Approval(
                        dev.fuse.release.contract.model.DecisionKind.REJECTED,
                        new ApprovalDecision("mallory", FORGED, null)),
                new ReleaseStatus.Outcome(null, "build failed:\n" + FORGED),
                List.of());

        List<String> lines = StatusView.lines(status);

        assertThat(String.join("\n", lines))
                .doesNotContain("\u001b")
                .doesNotContain("\r")
                .doesNotContain("\u202e");
        assertThat(lines).noneMatch(l -> l.startsWith("release 0.4.0  phase PUBLISHED"));
        assertThat(lines)
                .contains(
                        "  rejected by mallory: ok\\x1b[2J\\x1b[H\\nrelease 0.4.0  phase PUBLISHED\\x0d\\u202egnp.exe");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("    | ok\\x1b[2J"));
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(Text.safe("gates green, ship it — ünïcödé")).isEqualTo("gates green, ship it — ünïcödé");
    }

    @Test
    void eachDeliveryIsALineWithItsStateAndLastAnswerShownInert() {
        ReleaseStatus status = new ReleaseStatus(
                "0.4.0",
                Phase.PUBLISHED,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                List.of(
                        new DeliveryStatus(
                                "r.1",
                                NotificationEvent.AWAITING_APPROVAL,
                                "#1 hooks.example.com",
                                DeliveryStatus.State.DELIVERED,
                                1,
                                "HTTP 204"),
                        new DeliveryStatus(
                                "r.2",
                                NotificationEvent.PUBLISHED,
                                "#2 127.0.0.1",
                                DeliveryStatus.State.GIVEN_UP,
                                5,
                                FORGED)));

        String text = String.join("\n", StatusView.lines(status));

        assertThat(text)
                .contains("  notifications:")
                .containsPattern("release\\.awaiting_approval +-> #1 hooks\\.example\\.com +delivered \\(HTTP 204\\)")
                .containsPattern("release\\.published +-> #2 127\\.0\\.0\\.1 +given up \\(ok\\\\x1b.*, 5 attempts\\)")
                .doesNotContain("\u001b");
    }
}
