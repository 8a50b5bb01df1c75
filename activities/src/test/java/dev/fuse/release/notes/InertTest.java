package dev.fuse.release.notes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InertTest {
    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertThat(Inert.text("fix: ok\n- feat: forged line")).isEqualTo("fix: ok\\u000a- feat: forged line");
        assertThat(Inert.text("\u001b[2J\u001b[31mred")).isEqualTo("\\u001b[2J\\u001b[31mred");
        assertThat(Inert.text("a\u2028b")).isEqualTo("a\\u2028b");
    }

    @Test
    void markdownAndHtmlSyntaxIsEscaped() {
        assertThat(Inert.markdown("<script>alert(1)</script> *bold* [x](y)"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[x\\](y)")
                .doesNotContain("<");
    }
}
