package dev.fuse.release.adapter;

import dev.fuse.release.approval.ApprovalPolicyFile;
import dev.fuse.release.approval.PolicyException;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.activity.RollbackActivities;
import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.publish.Rollback;
import java.nio.file.Path;

/** Reads the approval policy on every call, as the release's policy activity does: it says who may roll back. */
public class RollbackActivitiesImpl implements RollbackActivities {
    private final Rollback rollback;
    private final Path policyFile;

    /** @param policyFile the orchestrator's policy file, or null for the defaults */
    public RollbackActivitiesImpl(Rollback rollback, Path policyFile) {
        this.rollback = rollback;
        this.policyFile = policyFile;
    }

    @Override
    public RollbackResult rollback(RollbackRequest request) {
        return ActivityFailures.run(() -> {
            try {
                return rollback.rollback(request, ApprovalPolicyFile.load(policyFile));
            } catch (PolicyException e) {
                throw new PipelineException(FailureType.INVALID_POLICY, e.getMessage());
            }
        });
    }
}
