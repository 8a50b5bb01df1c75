package dev.fuse.release.policy;

import dev.fuse.release.contract.model.Artifact;
import java.util.List;
import java.util.Optional;

/**
 * Whether a release may publish builds made on another platform than their target's (the dev
 * stack's emulated mode). The orchestrator worker's policy decides; the workflow checks it before
 * anyone is asked to approve, and publication checks it again at the last write.
 */
public final class EmulationPolicy {
    private EmulationPolicy() {}

    /** Why the artifacts may not be published under the policy, if they may not. */
    public static Optional<String> violation(List<Artifact> artifacts, boolean allowEmulatedPublish) {
        List<String> emulated = artifacts.stream()
                .filter(a -> a.host().emulated())
                .map(Artifact::name)
                .toList();
        if (emulated.isEmpty() || allowEmulatedPublish) {
            return Optional.empty();
        }
        return Optional.of("emulated builds may not be published by this worker's policy: "
                + String.join(", ", emulated) + "; build those targets on native workers");
    }
}
