package dev.fuse.release.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {
    private static final String SECRET = "0123456789abcdef0123";

    @Test
    void endpointsAreListedByPositionAndHostOnly() {
        List<String> errors = new ArrayList<>();
        WebhookSettings settings = WebhookSettings.parse(
                "https://hooks.slack.com/services/T000/B000/XXXXSECRET, http://127.0.0.1:8099/hook",
                SECRET,
                "https://releases.example.com",
                errors);

        assertThat(errors).isEmpty();
        assertThat(settings.labels()).containsExactly("#1 hooks.slack.com", "#2 127.0.0.1");
        assertThat(settings.console()).hasToString("https://releases.example.com/");
        assertThat(settings.toString()).doesNotContain("XXXXSECRET");
    }

    @Test
    void everyProblemIsNamedWithoutPrintingTheAddress() {
        List<String> errors = new ArrayList<>();
        WebhookSettings.parse(
                "http://hooks.example.com/TOKEN123, ftp://files.example.com/TOKEN456, not a url",
                "short",
                "javascript:alert(1)",
                errors);

        assertThat(errors)
                .anySatisfy(e -> assertThat(e).contains("entry 1 (host hooks.example.com) is plain http"))
                .anySatisfy(e -> assertThat(e).contains("entry 2 is not an http(s) URL"))
                .anySatisfy(e -> assertThat(e).contains("FUSE_RELEASE_NOTIFY_SECRET is shorter than 16"))
                .anySatisfy(e -> assertThat(e).contains("FUSE_RELEASE_CONSOLE_URL is not an http(s) URL"));
        assertThat(String.join(" ", errors)).doesNotContain("TOKEN123").doesNotContain("TOKEN456");
    }

    @Test
    void endpointsWithoutASecretAreRefusedAndNoEndpointsNeedNone() {
        List<String> errors = new ArrayList<>();
        WebhookSettings.parse("https://hooks.example.com/x", null, null, errors);
        assertThat(errors).singleElement().asString().contains("FUSE_RELEASE_NOTIFY_SECRET is not");

        List<String> none = new ArrayList<>();
        assertThat(WebhookSettings.parse(" ", null, null, none).labels()).isEmpty();
        assertThat(none).isEmpty();
    }

    @Test
    void plainHttpIsOnlyForLiteralLoopbackAddresses() {
        List<String> errors = new ArrayList<>();
        WebhookSettings.parse("http://[::1]:9/a http://localhost:9/b http://127.0.0.1.nip.io/c", SECRET, null, errors);
        assertThat(errors).singleElement().asString().contains("entry 3 (host 127.0.0.1.nip.io) is plain http");
    }

    @Test
    void moreThanTenEndpointsAreRefused() {
        List<String> errors = new ArrayList<>();
        WebhookSettings.parse("https://a.example/x ".repeat(11), SECRET, null, errors);
        assertThat(errors).singleElement().asString().contains("lists 11 endpoints; at most 10");
    }
}
