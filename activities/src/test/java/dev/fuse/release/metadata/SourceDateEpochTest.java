package dev.fuse.release.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceDateEpochTest {
    @Test
    void rendersAsUtcSeconds() {
        assertThat(SourceDateEpoch.toUtc(1767225600L)).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(SourceDateEpoch.toUtc(0)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(SourceDateEpoch.parse("1767225600")).isEqualTo(1767225600L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1.5", "1e9", "2026-01-01", "0x10", "--1"})
    void anythingButAPlainIntegerIsAnErrorNamingTheVariable(String text) {
        assertThatThrownBy(() -> SourceDateEpoch.parse(text))
                .hasMessageContaining("SOURCE_DATE_EPOCH must be a plain integer");
    }

    @Test
    void aNegativeEpochSaysSoInsteadOfCallingItNoInteger() {
        assertThatThrownBy(() -> SourceDateEpoch.parse("-1"))
                .hasMessageContaining("SOURCE_DATE_EPOCH must not be negative")
                .hasMessageContaining("got '-1'");
    }
}
