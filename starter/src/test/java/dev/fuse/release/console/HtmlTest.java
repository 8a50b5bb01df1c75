package dev.fuse.release.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void markupQuotesAndControlCharactersAreInert() {
        assertThat(Html.text("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.text("ok\u001b[2J\nforged")).doesNotContain("\u001b").doesNotContain("\n");
        assertThat(Html.text(null)).isEmpty();
    }

    @Test
    void aPathSegmentKeepsOnlyWhatAVersionHolds() {
        assertThat(Html.pathSegment("0.4.1-rc.1")).isEqualTo("0.4.1-rc.1");
        assertThat(Html.pathSegment("../x\"><script>")).isEqualTo("..xscript");
    }
}
