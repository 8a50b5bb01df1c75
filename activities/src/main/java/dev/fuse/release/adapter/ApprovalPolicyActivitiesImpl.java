package dev.fuse.release.adapter;

import dev.fuse.release.approval.ApprovalPolicyFile;
import dev.fuse.release.approval.PolicyException;
import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.activity.ApprovalPolicyActivities;
import dev.fuse.release.contract.model.ApprovalPolicy;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;

/** Reads the policy file on every call, so a fixed or rotated file applies to the next release that asks. */
public class ApprovalPolicyActivitiesImpl implements ApprovalPolicyActivities {
    private final Path file;

    /** @param file the policy file, or null for the defaults */
    public ApprovalPolicyActivitiesImpl(Path file) {
        this.file = file;
    }

    @Override
    public ApprovalPolicy load(String version) {
        try {
            return ApprovalPolicyFile.load(file);
        } catch (PolicyException e) {
            // Retryable on purpose: the release waits while an operator fixes the file.
            throw ApplicationFailure.newFailure(e.getMessage(), FailureType.INVALID_POLICY.name());
        }
    }
}
