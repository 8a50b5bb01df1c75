package dev.fuse.release.workflow;

import static dev.fuse.release.contract.SearchAttributes.AWAITING_APPROVAL;
import static dev.fuse.release.contract.SearchAttributes.FAILED_TARGETS;
import static dev.fuse.release.contract.SearchAttributes.PHASE;

import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.Target;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * Keeps the release's phase, awaiting-approval and failed-targets search attributes current,
 * upserting only when they change: every target progress signal re-enters the building phase,
 * and a 64-target release would otherwise write hundreds of identical upserts into its history.
 */
final class PhaseAttributes {
    private String last;

    void phase(Phase phase, List<Target> failed) {
        String now = phase + " " + failed;
        if (now.equals(last)) return;
        last = now;
        Workflow.upsertTypedSearchAttributes(
                PHASE.valueSet(phase.name()),
                AWAITING_APPROVAL.valueSet(phase == Phase.AWAITING_APPROVAL),
                FAILED_TARGETS.valueSet(failed.stream().map(Target::id).toList()));
    }
}
