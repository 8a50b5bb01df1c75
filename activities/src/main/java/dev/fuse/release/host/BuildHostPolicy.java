package dev.fuse.release.host;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.BuildHost;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.failure.PipelineException;
import java.util.Set;

/**
 * Which targets this worker builds and how. A target whose platform is the host's own is
 * native; any other target is built only when its platform is listed as emulated, and is then
 * marked so in every artifact and manifest entry.
 *
 * @param emulated platforms ({@link Target#platform()}) this host builds although it is not one
 */
public record BuildHostPolicy(String hostClass, Set<String> emulated) {
    public BuildHostPolicy {
        emulated = Set.copyOf(emulated);
    }

    public static BuildHostPolicy nativeOnly() {
        return new BuildHostPolicy(HostClass.current(), Set.of());
    }

    public boolean isNative(Target target) {
        return target.platform().equals(hostClass);
    }

    public boolean serves(Target target) {
        return isNative(target) || emulated.contains(target.platform());
    }

    /** The host record for a build of {@code target}, or an error naming how to serve it. */
    public BuildHost hostFor(Target target) {
        if (!serves(target)) {
            throw new PipelineException(
                    FailureType.TARGET_NOT_SERVED,
                    "this worker runs on " + hostClass + " and does not build " + target.id() + "; run a worker on a "
                            + target.platform() + " runner, or list " + target.platform()
                            + " in FUSE_RELEASE_EMULATE (dev only)");
        }
        return new BuildHost(hostClass, !isNative(target));
    }
}
