package dev.fuse.release.contract.activity;

import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ExtensionBuildRequest;
import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.TargetBuildResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Builds on a target's own workers (queue {@code fuse-release-<target>}). Checkout, recipe
 * commands, packaging and staging are one activity because the workspace only exists on the host
 * that ran the build; splitting them would let a later step land on another host.
 */
@ActivityInterface
public interface BuildActivities {
    @ActivityMethod(name = "BuildTarget")
    TargetBuildResult buildTarget(TargetBuildRequest request);

    /** Packages the platform-independent VS Code extension (VSIX). */
    @ActivityMethod(name = "BuildExtension")
    Artifact buildExtension(ExtensionBuildRequest request);
}
