package dev.fuse.release.workflow;

import dev.fuse.release.contract.activity.ApprovalPolicyActivities;
import dev.fuse.release.contract.activity.MetadataActivities;
import dev.fuse.release.contract.activity.PlanActivities;
import dev.fuse.release.contract.activity.PublishActivities;
import io.temporal.workflow.Workflow;

/** The release workflow's own activities (the orchestrator's), scheduled with its run's options. */
record ReleaseActivities(
        ActivityOptionsCatalog options,
        PlanActivities planner,
        MetadataActivities metadata,
        ApprovalPolicyActivities policies) {

    static ReleaseActivities of(ActivityOptionsCatalog options) {
        return new ReleaseActivities(
                options,
                Workflow.newActivityStub(PlanActivities.class, options.plan()),
                Workflow.newActivityStub(MetadataActivities.class, options.metadata()),
                Workflow.newActivityStub(ApprovalPolicyActivities.class, options.approvalPolicy()));
    }

    /** The publisher, made when the release is approved: it asks where the signer is at that point. */
    PublishActivities publisher() {
        return Workflow.newActivityStub(PublishActivities.class, options.publish(SignerQueue.current()));
    }
}
