package dev.fuse.release.contract.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseVersionTest {

    @Test
    void versionsOrderNumericallyAndPreReleasesComeFirst() {
        List<String> sorted = Stream.of("0.10.0", "0.4.1", "0.4.0", "0.4.1-rc.1", "1.0.0", "0.9.9")
                .map(ReleaseVersion::parse)
                .sorted()
                .map(ReleaseVersion::toString)
                .toList();
        assertThat(sorted).containsExactly("0.4.0", "0.4.1-rc.1", "0.4.1", "0.9.9", "0.10.0", "1.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4", "0.4", "v0.4.0", "0.04.0", "0.4.0+build", "0.4.0-", "0.4.0 ", "0.4.0/../x"})
    void malformedVersionsAreRefusedWithTheExpectedShape(String text) {
        assertThatThrownBy(() -> ReleaseVersion.parse(text))
                .hasMessageContaining("malformed version")
                .hasMessageContaining("MAJOR.MINOR.PATCH");
    }
}
