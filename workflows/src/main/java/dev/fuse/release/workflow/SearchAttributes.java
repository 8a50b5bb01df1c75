package dev.fuse.release.workflow;

import dev.fuse.release.model.Phase;
import dev.fuse.release.model.Target;
import io.temporal.common.SearchAttributeKey;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * Custom search attributes operators filter on in the Temporal UI. A real cluster needs them
 * registered once (see the README's production section); the embedded stack registers them.
 */
public final class SearchAttributes {
    public static final SearchAttributeKey<String> VERSION = SearchAttributeKey.forKeyword("FuseReleaseVersion");
    public static final SearchAttributeKey<String> PHASE = SearchAttributeKey.forKeyword("FuseReleasePhase");
    public static final SearchAttributeKey<String> COMMIT = SearchAttributeKey.forKeyword("FuseReleaseCommit");
    /** Targets whose pipeline failed and wait for an operator's retry or abandon. */
    public static final SearchAttributeKey<java.util.List<String>> FAILED_TARGETS =
            SearchAttributeKey.forKeywordList("FuseReleaseFailedTargets");
    /** True exactly while the release waits for an approve or reject. */
    public static final SearchAttributeKey<Boolean> AWAITING_APPROVAL =
            SearchAttributeKey.forBoolean("FuseReleaseAwaitingApproval");

    /** Every attribute with its type, for registering them (dev stack, tests, production docs). */
    public static java.util.Map<String, io.temporal.api.enums.v1.IndexedValueType> definitions() {
        java.util.Map<String, io.temporal.api.enums.v1.IndexedValueType> all = new java.util.TreeMap<>();
        for (SearchAttributeKey<?> key : java.util.List.of(VERSION, PHASE, COMMIT, FAILED_TARGETS, AWAITING_APPROVAL)) {
            all.put(key.getName(), key.getValueType());
        }
        return all;
    }

    private SearchAttributes() {}

    /** Sets the phase, and (for releases started since they exist) awaiting-approval and failed targets. */
    static void upsertPhase(Phase phase, List<Target> failed) {
        // Releases started before the failed-targets and awaiting-approval attributes replay without them.
        if (Workflow.getVersion("ui-attributes", Workflow.DEFAULT_VERSION, 1) >= 1) {
            Workflow.upsertTypedSearchAttributes(
                    PHASE.valueSet(phase.name()),
                    AWAITING_APPROVAL.valueSet(phase == Phase.AWAITING_APPROVAL),
                    FAILED_TARGETS.valueSet(failed.stream().map(Target::id).toList()));
        } else {
            Workflow.upsertTypedSearchAttributes(PHASE.valueSet(phase.name()));
        }
    }

    /**
     * Upserts the phase attributes only when they change (since "quiet-attributes"): every target
     * progress signal re-enters the building phase, and a 64-target release wrote several hundred
     * upserts of the same values into its history. Releases recorded before upsert every time.
     */
    static final class Upserts {
        private String last;

        void phase(Phase phase, List<Target> failed) {
            String now = phase + " " + failed;
            if (now.equals(last) && Workflow.getVersion("quiet-attributes", Workflow.DEFAULT_VERSION, 1) >= 1) {
                return;
            }
            last = now;
            upsertPhase(phase, failed);
        }
    }
}
