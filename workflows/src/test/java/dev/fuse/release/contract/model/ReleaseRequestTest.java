package dev.fuse.release.contract.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseRequestTest {

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> new ReleaseRequest("4.0", "", " ", List.of("linux-x64", "solaris-sparc"), "", -1L, 0))
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
        ReleaseRequest request = new ReleaseRequest(
                "0.4.0", "repo", "main", List.of("windows-x64", "linux-x64", "macos-arm64"), "alice", null, 60);
        assertThat(request.sortedTargets()).containsExactly(Target.LINUX_X64, Target.MACOS_ARM64, Target.WINDOWS_X64);
        assertThat(request.workflowId()).isEqualTo("fuse-release-0.4.0");
    }

    @Test
    void revisionThatLooksLikeAnOptionIsRefused() {
        assertThatThrownBy(() ->
                        new ReleaseRequest("0.4.0", "repo", "--upload-pack=evil", List.of("linux-x64"), "a", null, 60))
                .hasMessageContaining("must not start with '-'");
    }

    @Test
    void duplicateTargetsAreRefused() {
        assertThatThrownBy(() ->
                        new ReleaseRequest("0.4.0", "repo", "main", List.of("linux-x64", "linux-x64"), "a", null, 60))
                .hasMessageContaining("name a target twice");
    }

    @Test
    void staticLinkingIsOnlyForLinuxAndNeverImplied() {
        assertThat(new ReleaseRequest("0.4.0", "repo", "main", Target.allIds(), "a", null, 60).staticTargets())
                .isEmpty();
        assertThat(new ReleaseRequest("0.4.0", "repo", "main", Target.allIds(), "a", null, 60, List.of("linux-x64"))
                        .staticTargets())
                .containsExactly("linux-x64");
        assertThatThrownBy(() -> new ReleaseRequest(
                        "0.4.0", "repo", "main", Target.allIds(), "a", null, 60, List.of("windows-x64")))
                .hasMessageContaining("static linking is only supported for linux-x64 (asked for windows-x64)");
        assertThatThrownBy(() -> new ReleaseRequest(
                        "0.4.0", "repo", "main", List.of("macos-arm64"), "a", null, 60, List.of("linux-x64")))
                .hasMessageContaining("not among the targets");
    }

    @Test
    void epochsTheArchivesCannotHoldExactlyAreRefusedNamingTheRange() {
        for (long epoch : new long[] {0L, 315532799L, 2147483648L, 32503680000L}) {
            assertThatThrownBy(() -> new ReleaseRequest("0.4.0", "repo", "main", Target.allIds(), "a", epoch, 60))
                    .hasMessageContaining("SOURCE_DATE_EPOCH " + epoch
                            + " is outside 315532800 (1980-01-01T00:00:00Z) to 2147483647");
        }
        assertThat(new ReleaseRequest("0.4.0", "repo", "main", Target.allIds(), "a", 315532800L, 60).sourceDateEpoch())
                .isEqualTo(315532800L);
        assertThat(new ReleaseRequest("0.4.0", "repo", "main", Target.allIds(), "a", 2147483647L, 60).sourceDateEpoch())
                .isEqualTo(2147483647L);
    }

    @Test
    void aRequesterWithControlCharactersIsRefused() {
        assertThatThrownBy(() -> new ReleaseRequest("0.4.0", "repo", "main", Target.allIds(), "bob\u001b[2J", null, 60))
                .hasMessageContaining("requester name must be plain text");
    }
}
