package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.console.ConsoleServer;
import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.git.ExampleRepository;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in headless Chromium on the dev stack: the list shows a release waiting for
 * approval, its page shows notes, gates, measured changes and artifacts, a decision made on a
 * stale page is refused, an approval from the page publishes (and verifies), and script from a
 * commit subject, a requester name or an approver name never runs. A forged POST (no session,
 * wrong token, another origin) is refused.
 */
class ConsoleBrowserIT {
    static final String HOSTILE_SUBJECT = "fix: <script>window.__xss='subject'</script>"
            + "<img src=x onerror=\"window.__xss='img'\"> <a href=\"javascript:window.__xss='link'\">x</a>";

    /** Where the screenshots go; scripts/console-screenshots.sh copies them into docs/. */
    static final Path SCREENSHOTS = Path.of("target/console-screenshots").toAbsolutePath();

    @TempDir
    static Path data;

    static DevStack stack;
    static ConsoleServer console;
    static Map<String, String> env;
    static Path repo;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(data.resolve("stack"), null, 0, 0, null);
        repo = data.resolve("repo");
        ExampleVariants.prepare(repo, tree -> {});
        ExampleRepository.commit(
                repo,
                "<b onmouseover=\"window.__xss='author'\">Mallory</b>",
                HOSTILE_SUBJECT,
                tree -> Files.writeString(tree.resolve("CHANGES.txt"), "hostile\n"));
        env = new HashMap<>(stack.env());
        env.put("FUSE_RELEASE_HOME", ExampleVariants.HOME.toString());
        env.put("FUSE_RELEASE_REPO", repo.toString());
        env.put("USER", "release-manager");
        console = ConsoleServer.start(
                new ReleaseClient(stack.connection(), stack.store()),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stopStack() {
        if (console != null) console.close();
        stack.close();
    }

    @Test
    void aReleaseIsFollowedReadAndApprovedFromThePageAndNothingHostileRuns() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed (.ci/run installs them)");
        Files.createDirectories(SCREENSHOTS);
        CliRun started = CliRun.startLinuxX64(
                env, "0.30.0", repo, "--requested-by", "<img src=x onerror=\"window.__xss='requester'\">");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        Await.phase(env, "0.30.0", "AWAITING_APPROVAL");

        try (Browser browser = new Browser(data.resolve("profile"))) {
            browser.open(console.url());
            String row = Await.until("the list to show the release waiting", Duration.ofSeconds(30), () -> {
                String text = browser.text("#releases tbody");
                return text != null && text.contains("awaiting approval") ? text : null;
            });
            assertThat(row).contains("0.30.0").contains("<img src=x onerror=");
            assertThat(browser.script("return window.__xss === undefined").asBoolean())
                    .isTrue();
            browser.screenshot(SCREENSHOTS.resolve("console-list.png"));

            browser.click("#releases a");
            assertThat(browser.text("#phase")).contains("AWAITING_APPROVAL");
            assertThat(browser.text("#gates")).contains("stripped-size").contains("GO");
            assertThat(browser.text("#comparison")).contains("stripped binary");
            assertThat(browser.text("#notes")).contains("<script>window.__xss='subject'</script>");
            assertThat(browser.text("#artifacts")).contains("fuse-aot-0.30.0-linux-x64.tar.gz");
            assertThat(browser.text("#window")).startsWith("Decide by ").contains("left");
            assertThat(browser.script("return window.__xss === undefined").asBoolean())
                    .isTrue();
            browser.screenshot(SCREENSHOTS.resolve("console-release.png"));

            // A page that showed other evidence (as if staged before a change) is refused by the validator.
            browser.script("document.querySelector('input[name=evidenceSha256]').value = '" + "0".repeat(64) + "'");
            browser.type("#approver", "alice");
            browser.type("#comment", "from a stale page");
            browser.click("#approve");
            assertThat(browser.text("#flash")).as(browser.text("body")).startsWith("refused: evidence digest 0000");
            assertThat(Await.status(env, "0.30.0").path("phase").asText()).isEqualTo("AWAITING_APPROVAL");

            browser.type("#approver", "<script>window.__xss='approver'</script>");
            browser.type("#comment", "gates green, notes read");
            browser.click("#approve");
            assertThat(browser.text("#flash")).isEqualTo("approved by <script>window.__xss='approver'</script>");
            Await.phase(env, "0.30.0", "PUBLISHED");
            browser.open(console.url() + "releases/0.30.0");
            assertThat(browser.text("#approvals")).contains("<script>window.__xss='approver'</script>");

            // The only published release cannot be rolled back: latest would point nowhere. The
            // refusal comes from the rollback itself, through the same path as the CLI's.
            browser.type("#operator", "oscar");
            browser.type("#reason", "crash on start");
            browser.click("#rollback");
            assertThat(browser.text("#flash"))
                    .isEqualTo("no published version before 0.30.0 to roll back to; pass --to <version>");
            assertThat(stack.store().exists("releases/0.30.0/YANKED.json")).isFalse();

            assertThat(browser.script("return window.__xss === undefined").asBoolean())
                    .isTrue();
            assertThat(browser.dialogOpen()).isFalse();
        }
        CliRun verify = CliRun.run(env, "verify", "0.30.0");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }

    @Test
    void aFailedTargetIsMarkedAndAnOperatorAbandonsTheReleaseFromThePage() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed (.ci/run installs them)");
        Path broken = data.resolve("broken");
        ExampleVariants.prepare(broken, tree -> ExampleVariants.extraBuildStep(tree, "false"));
        CliRun started = CliRun.startLinuxX64(env, "0.31.0", broken);
        assertThat(started.exitCode()).as(started.toString()).isZero();

        try (Browser browser = new Browser(data.resolve("profile-operator"))) {
            browser.open(console.url());
            Await.until("the list to mark the failed target", Duration.ofMinutes(2), () -> {
                String text = browser.text("#releases tbody");
                return text != null && text.contains("target failed: linux-x64 waits for an operator") ? text : null;
            });
            browser.open(console.url() + "releases/0.31.0");
            assertThat(browser.text("#targets")).contains("FAILED");
            assertThat(browser.find("#retry-linux-x64")).isNotNull();
            browser.click("#abandon");
            assertThat(browser.text("#flash"))
                    .isEqualTo("missing operator: pass --operator <name>; missing reason:" + " pass --reason <text>");
            browser.type("#operator", "oscar");
            browser.type("#reason", "the extra step is broken; fixing it in a new release");
            browser.click("#abandon");
            assertThat(browser.text("#flash")).isEqualTo("abandoned");
        }
        Await.phase(env, "0.31.0", "ABANDONED");
    }

    @Test
    void aForgedDecisionIsRefusedAndEveryPageCarriesAStrictPolicy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(console.url())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        String form = "kind=approve&approver=alice&comment=forged&token=";
        assertThat(post(http, null, null, form + "x").statusCode()).isEqualTo(403);
        assertThat(post(http, cookie, null, form + "0".repeat(64)).statusCode()).isEqualTo(403);
        HttpResponse<String> otherOrigin = post(http, cookie, "http://evil.example", form + "0".repeat(64));
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        HttpResponse<String> byGet = http.send(
                HttpRequest.newBuilder(URI.create(console.url() + "releases/0.30.0/decide"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byGet.statusCode()).isEqualTo(405);

        // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1.
        URI url = URI.create(console.url());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.getOutputStream()
                    .write(("GET / HTTP/1.1\r\nHost: evil.example:" + url.getPort() + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 421").doesNotContain("<table");
        }
    }

    private static HttpResponse<String> post(HttpClient http, String cookie, String origin, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console.url() + "releases/0.30.0/decide"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) request.header("Cookie", cookie);
        if (origin != null) request.header("Origin", origin);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
