package dev.fuse.release.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleSecurityTest {
    @Test
    void aTokenBelongsToOneSessionAndOneConsoleProcess() {
        ConsoleSecurity console = new ConsoleSecurity();
        String session = "a".repeat(48);

        assertThat(console.token(session)).isEqualTo(console.token(session)).hasSize(64);
        assertThat(console.token("b".repeat(48))).isNotEqualTo(console.token(session));
        assertThat(new ConsoleSecurity().token(session)).isNotEqualTo(console.token(session));
    }

    @Test
    void thePolicyAllowsNoInlineScriptNoFramingAndFormsOnlyToItself() {
        assertThat(ConsoleSecurity.CSP)
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'")
                .contains("form-action 'self'");
    }
}
