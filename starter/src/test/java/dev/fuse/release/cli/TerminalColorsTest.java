package dev.fuse.release.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalColorsTest {
    @Test
    void coloursFollowTheUsualVariables() {
        assertThat(TerminalColors.enabled(Map.of(), true)).isTrue();
        assertThat(TerminalColors.enabled(Map.of(), false)).isFalse();
        assertThat(TerminalColors.enabled(Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(TerminalColors.enabled(Map.of("NO_COLOR", ""), true)).isTrue();
        assertThat(TerminalColors.enabled(Map.of("CLICOLOR_FORCE", "1"), false)).isTrue();
        assertThat(TerminalColors.enabled(Map.of("CLICOLOR_FORCE", "0"), false)).isFalse();
        assertThat(TerminalColors.enabled(Map.of("TERM", "dumb"), true)).isFalse();
    }
}
