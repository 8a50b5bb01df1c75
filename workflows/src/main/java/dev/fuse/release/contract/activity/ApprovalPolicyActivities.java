package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.ApprovalPolicy;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Reads the orchestrator worker's approval policy file. Runs on the orchestrator queue. */
@ActivityInterface
public interface ApprovalPolicyActivities {
    /**
     * The policy in force (the file in {@code FUSE_RELEASE_POLICY}, or the defaults without one),
     * validated whole; an invalid file fails with INVALID_POLICY, retried until an operator fixes it.
     */
    @ActivityMethod(name = "LoadApprovalPolicy")
    ApprovalPolicy load(String version);
}
