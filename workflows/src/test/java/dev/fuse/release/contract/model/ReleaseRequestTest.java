package dev.fuse.release.contract.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseRequestTest {

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> ReleaseRequest.builder("4.0", "", " ")
                        .targets(List.of("linux-x64", "solaris-sparc"))
                        .requestedBy("")
                        .sourceDateEpoch(-1L)
                        .approvalTimeoutSeconds(0)
                        .build())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .hasSize(7)
                                .anySatisfy(p -> assertThat(p).contains("missing requester"))
                                .anySatisfy(p -> assertThat(p).contains("malformed version '4.0'"))
                                .anySatisfy(p -> assertThat(p).contains("missing repository"))
                                .anySatisfy(p -> assertThat(p).contains("missing revision"))
                                .anySatisfy(p -> assertThat(p)
                                        .contains("unknown target 'solaris-sparc'")
                                        .contains("linux-x64, macos-arm64, windows-x64"))
                                .anySatisfy(p -> assertThat(p).contains("SOURCE_DATE_EPOCH"))
                                .anySatisfy(p -> assertThat(p).contains("approval timeout")));
    }

    @Test
    void targetsAreSortedCanonicallyWhateverTheInputOrder() {
        ReleaseRequest request = ReleaseRequest.builder("0.4.0", "repo", "main")
                .targets(List.of("windows-x64", "linux-x64", "macos-arm64"))
                .requestedBy("alice")
                .approvalTimeoutSeconds(60)
                .build();
        assertThat(request.sortedTargets()).containsExactly(Target.LINUX_X64, Target.MACOS_ARM64, Target.WINDOWS_X64);
        assertThat(request.workflowId()).isEqualTo("fuse-release-0.4.0");
    }

    @Test
    void revisionThatLooksLikeAnOptionIsRefused() {
        assertThatThrownBy(() -> ReleaseRequest.builder("0.4.0", "repo", "--upload-pack=evil")
                        .targets(List.of("linux-x64"))
                        .requestedBy("a")
                        .approvalTimeoutSeconds(60)
                        .build())
                .hasMessageContaining("must not start with '-'");
    }

    @Test
    void duplicateTargetsAreRefused() {
        assertThatThrownBy(() -> ReleaseRequest.builder("0.4.0", "repo", "main")
                        .targets(List.of("linux-x64", "linux-x64"))
                        .requestedBy("a")
                        .approvalTimeoutSeconds(60)
                        .build())
                .hasMessageContaining("name a target twice");
    }

    @Test
    void staticLinkingIsOnlyForLinuxAndNeverImplied() {
        assertThat(ReleaseRequest.builder("0.4.0", "repo", "main")
                        .targets(Target.allIds())
                        .requestedBy("a")
                        .approvalTimeoutSeconds(60)
                        .build()
                        .staticTargets())
                .isEmpty();
        assertThat(ReleaseRequest.builder("0.4.0", "repo", "main")
                        .targets(Target.allIds())
                        .requestedBy("a")
                        .approvalTimeoutSeconds(60)
                        .staticTargets(List.of("linux-x64"))
                        .build()
                        .staticTargets())
                .containsExactly("linux-x64");
        assertThatThrownBy(() -> ReleaseRequest.builder("0.4.0", "repo", "main")
                        .targets(Target.allIds())
                        .requestedBy("a")
                        .approvalTimeoutSeconds(60)
                        .staticTargets(List.of("windows-x64"))
                        .build())
                .hasMessageContaining("static linking is only supported for linux-x64 (asked for windows-x64)");
        assertThatThrownBy(() -> ReleaseRequest.builder("0.4.0", "repo", "main")
                        .targets(List.of("macos-arm64"))
                        .requestedBy("a")
                        .approvalTimeoutSeconds(60)
                        .staticTargets(List.of("linux-x64"))
                        .build())
                .hasMessageContaining("not among the targets");
    }

    @Test
    void epochsTheArchivesCannotHoldExactlyAreRefusedNamingTheRange() {
        for (long epoch : new long[] {0L, 315532799L, 2147483648L, 32503680000L}) {
            assertThatThrownBy(() -> ReleaseRequest.builder("0.4.0", "repo", "main")
                            .targets(Target.allIds())
                            .requestedBy("a")
                            .sourceDateEpoch(epoch)
                            .approvalTimeoutSeconds(60)
                            .build())
                    .hasMessageContaining("SOURCE_DATE_EPOCH " + epoch
                            + " is outside 315532800 (1980-01-01T00:00:00Z) to 2147483647");
        }
        assertThat(ReleaseRequest.builder("0.4.0", "repo", "main")
                        .targets(Target.allIds())
                        .requestedBy("a")
                        .sourceDateEpoch(315532800L)
                        .approvalTimeoutSeconds(60)
                        .build()
                        .sourceDateEpoch())
                .isEqualTo(315532800L);
        assertThat(ReleaseRequest.builder("0.4.0", "repo", "main")
                        .targets(Target.allIds())
                        .requestedBy("a")
                        .sourceDateEpoch(2147483647L)
                        .approvalTimeoutSeconds(60)
                        .build()
                        .sourceDateEpoch())
                .isEqualTo(2147483647L);
    }

    @Test
    void aRequesterWithControlCharactersIsRefused() {
        assertThatThrownBy(() -> ReleaseRequest.builder("0.4.0", "repo", "main")
                        .targets(Target.allIds())
                        .requestedBy("bob\u001b[2J")
                        .approvalTimeoutSeconds(60)
                        .build())
                .hasMessageContaining("requester name must be plain text");
    }
}
