package dev.fuse.release.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.process.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Headless Chromium driven through Debian's chromedriver over the W3C WebDriver protocol (plain
 * JSON over HTTP on loopback): what the console tests click, type and read. Only what they use.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String session;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    Browser(Path profile) throws Exception {
        int port = LoopbackPorts.free();
        driver = new ProcessBuilder(DRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        base = "http://127.0.0.1:" + port;
        Await.until("chromedriver to listen", Duration.ofSeconds(20), () -> {
            try {
                return call("GET", "/status", null).path("value").path("ready").asBoolean() ? true : null;
            } catch (IOException e) {
                return null;
            }
        });
        ObjectNode options = JSON.createObjectNode().put("binary", CHROMIUM.toString());
        ArrayNode args = options.putArray("args");
        for (String arg : List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=1200,2000",
                "--user-data-dir=" + profile)) {
            args.add(arg);
        }
        ObjectNode capabilities = JSON.createObjectNode();
        capabilities.putObject("capabilities").putObject("alwaysMatch").set("goog:chromeOptions", options);
        session = call("POST", "/session", capabilities)
                .path("value")
                .path("sessionId")
                .asText();
    }

    void open(String url) throws IOException, InterruptedException {
        sessionCall("POST", "/url", JSON.createObjectNode().put("url", url));
    }

    /** The element's id, or null when the page has no element matching {@code css}. */
    String find(String css) throws IOException, InterruptedException {
        JsonNode found = sessionCall(
                        "POST",
                        "/elements",
                        JSON.createObjectNode().put("using", "css selector").put("value", css))
                .path("value");
        return found.isEmpty() ? null : found.get(0).path(ELEMENT).asText();
    }

    String text(String css) throws IOException, InterruptedException {
        String element = find(css);
        if (element == null) return null;
        return sessionCall("GET", "/element/" + element + "/text", null)
                .path("value")
                .asText();
    }

    void type(String css, String text) throws IOException, InterruptedException {
        sessionCall(
                "POST",
                "/element/" + find(css) + "/value",
                JSON.createObjectNode().put("text", text));
    }

    void click(String css) throws IOException, InterruptedException {
        sessionCall("POST", "/element/" + find(css) + "/click", JSON.createObjectNode());
    }

    /** Runs a script in the page and returns its result. */
    JsonNode script(String script) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return sessionCall("POST", "/execute/sync", body).path("value");
    }

    /** Whether a JavaScript dialog (alert, confirm) is open: a script that ran where it must not. */
    boolean dialogOpen() throws IOException, InterruptedException {
        return !sessionCall("GET", "/alert/text", null).path("value").has("error");
    }

    void screenshot(Path png) throws IOException, InterruptedException {
        String data = sessionCall("GET", "/screenshot", null).path("value").asText();
        Files.write(png, Base64.getDecoder().decode(data));
    }

    private JsonNode sessionCall(String method, String path, JsonNode body) throws IOException, InterruptedException {
        return call(method, "/session/" + session + path, body);
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        return JSON.readTree(
                http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (IOException | InterruptedException e) {
            // The driver is stopped below either way.
        }
        driver.destroy();
        try {
            driver.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
