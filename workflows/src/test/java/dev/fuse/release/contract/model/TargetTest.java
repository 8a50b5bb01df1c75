package dev.fuse.release.contract.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TargetTest {
    @Test
    void officialTargetsKeepTheWireFormOfTheEnumTheyReplaced() {
        var converter = DefaultDataConverter.STANDARD_INSTANCE;
        var payload = converter
                .toPayload(List.of(Target.LINUX_X64, Target.MACOS_ARM64))
                .orElseThrow();
        assertThat(payload.getData().toString(StandardCharsets.UTF_8)).isEqualTo("[\"LINUX_X64\",\"MACOS_ARM64\"]");
        assertThat(converter.fromPayload(
                        converter.toPayload(Target.WINDOWS_X64).orElseThrow(), Target.class, Target.class))
                .isSameAs(Target.WINDOWS_X64);
        assertThat(Target.fromWire("SYNTHETIC_64")).isEqualTo(Target.synthetic(64));
    }

    @Test
    void syntheticTargetsSortAfterTheOfficialOnesByNumber() {
        var sorted = new TreeSet<>(
                List.of(Target.synthetic(100), Target.synthetic(9), Target.WINDOWS_X64, Target.LINUX_X64));
        assertThat(sorted)
                .extracting(Target::id)
                .containsExactly("linux-x64", "windows-x64", "synthetic-09", "synthetic-100");
        assertThat(Target.synthetic(9).platform()).isEqualTo("synthetic");
        assertThat(Target.synthetic(9).archiveFormat()).isEqualTo(ArchiveFormat.TAR_GZ);
    }

    @Test
    void onlyCanonicalSyntheticIdsParse() {
        assertThat(Target.fromId("synthetic-07")).contains(Target.synthetic(7));
        assertThat(Target.fromId("synthetic-7")).isEmpty();
        assertThat(Target.fromId("synthetic-007")).isEmpty();
        assertThat(Target.fromId("synthetic-00")).isEmpty();
        assertThatThrownBy(() -> Target.parse("linux-arm64"))
                .hasMessage("unknown target 'linux-arm64': use one of linux-x64, macos-arm64, windows-x64"
                        + " (or synthetic-01 to synthetic-999 for scale drills)");
    }
}
