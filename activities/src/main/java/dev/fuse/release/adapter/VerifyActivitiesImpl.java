package dev.fuse.release.adapter;

import dev.fuse.release.contract.activity.VerifyActivities;
import dev.fuse.release.contract.model.VerifyRequest;
import dev.fuse.release.contract.model.VerifyResult;
import dev.fuse.release.verify.StagedVerifier;

public class VerifyActivitiesImpl implements VerifyActivities {
    private final StagedVerifier verifier;

    public VerifyActivitiesImpl(StagedVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public VerifyResult verifyStaged(VerifyRequest request) {
        return ActivityFailures.run(() -> verifier.verify(request, Heartbeats.current()));
    }
}
