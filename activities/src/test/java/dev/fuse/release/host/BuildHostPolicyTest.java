package dev.fuse.release.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.failure.PipelineException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildHostPolicyTest {
    @Test
    void hostClassesNameTheTargetPlatform() {
        assertThat(HostClass.of("Linux", "amd64")).isEqualTo("linux-x64");
        assertThat(HostClass.of("Mac OS X", "aarch64")).isEqualTo("macos-arm64");
        assertThat(HostClass.of("Windows 11", "amd64")).isEqualTo("windows-x64");
    }

    @Test
    void nativeTargetsAreBuiltAsIsAndOthersOnlyWhenEmulationIsListed() {
        BuildHostPolicy policy = new BuildHostPolicy("linux-x64", Set.of("windows-x64"));
        assertThat(policy.hostFor(Target.LINUX_X64).emulated()).isFalse();
        assertThat(policy.hostFor(Target.WINDOWS_X64).emulated()).isTrue();
        assertThat(policy.hostFor(Target.WINDOWS_X64).hostClass()).isEqualTo("linux-x64");
        assertThatThrownBy(() -> policy.hostFor(Target.MACOS_ARM64))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.TARGET_NOT_SERVED))
                .hasMessageContaining("does not build macos-arm64")
                .hasMessageContaining("FUSE_RELEASE_EMULATE");
    }

    @Test
    void syntheticTargetsAreBuiltOnlyByAWorkerEmulatingTheSyntheticPlatform() {
        Target synthetic = Target.synthetic(7);
        assertThat(new BuildHostPolicy("linux-x64", Set.of("synthetic"))
                        .hostFor(synthetic)
                        .emulated())
                .isTrue();
        assertThatThrownBy(() -> new BuildHostPolicy("linux-x64", Set.of("windows-x64")).hostFor(synthetic))
                .hasMessageContaining("does not build synthetic-07")
                .hasMessageContaining("list synthetic in FUSE_RELEASE_EMULATE");
    }
}
