package dev.fuse.release.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No operator action passes before the release knows the policy that governs it. */
class OperatorDeskTest {
    static final OperatorRequests.Cancel CANCEL = new OperatorRequests.Cancel("mallory", "stop", null);
    static final ApprovalPolicy BOB_ONLY =
            new ApprovalPolicy(List.of("bob"), 1, false, 3600, false, null, "policy.json");

    @Test
    void anActionBeforeTheReleaseKnowsItsPolicyIsRefusedWithTryAgain() {
        OperatorDesk desk = new OperatorDesk(new FailedTargets());
        OperatorDesk.Subject starting = new OperatorDesk.Subject(Phase.PLANNING, "0.4.0", "alice", null);

        assertThatThrownBy(() -> desk.validateCancel(starting, CANCEL))
                .hasMessageContaining("release 0.4.0 is still loading its approval policy; try again");
    }

    @Test
    void onceLoadedThePolicyDecides() {
        OperatorDesk governed = new OperatorDesk(new FailedTargets());
        assertThatThrownBy(() -> governed.validateCancel(
                        new OperatorDesk.Subject(Phase.BUILDING, "0.4.0", "alice", BOB_ONLY), CANCEL))
                .hasMessageContaining("mallory may not cancel");
    }
}
