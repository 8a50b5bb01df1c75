package dev.fuse.release.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.contract.model.ApprovalDecision;
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
}
