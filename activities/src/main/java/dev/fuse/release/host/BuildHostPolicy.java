package dev.fuse.release.host;

import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.model.BuildHost;
import dev.fuse.release.model.Target;
import dev.fuse.release.workflow.FailureType;
import java.util.Set;

/**
 * Which targets this worker builds and how. A target whose platform is the host's own is
 * native; any other target is built only when listed as emulated, and is then marked so in
 * every artifact and manifest entry.
 */
public record BuildHostPolicy(String hostClass, Set<Target> emulated) {
    public BuildHostPolicy {
        emulated = Set.copyOf(emulated);
    }

    public static BuildHostPolicy nativeOnly() {
        return new BuildHostPolicy(HostClass.current(), Set.of());
    }

    public boolean isNative(Target target) {
        return target.id().equals(hostClass);
    }

    public boolean serves(Target target) {
        return isNative(target) || emulated.contains(target);
    }

    /** The host record for a build of {@code target}, or an error naming how to serve it. */
    public BuildHost hostFor(Target target) {
        if (!serves(target)) {
            throw new PipelineException(
                    FailureType.TARGET_NOT_SERVED,
                    "this worker runs on " + hostClass + " and does not build " + target.id() + "; run a worker on a "
                            + target.id() + " runner, or list it in FUSE_RELEASE_EMULATE (dev only)");
        }
        return new BuildHost(hostClass, !isNative(target));
    }
}
