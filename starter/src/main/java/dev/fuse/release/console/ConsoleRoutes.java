package dev.fuse.release.console;

import static dev.fuse.release.console.ConsoleServer.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.ReleaseVersion;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's routes. Reads are GET; the two state-changing routes, a decision and an operator
 * action, are POSTs that must pass {@link ConsoleSecurity#refusePost} and answer with a redirect
 * to the release page (which then shows what happened), so a reload never sends one twice.
 */
final class ConsoleRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELEASE =
            Pattern.compile("^/(api/)?releases/([^/]+)(/report\\.html|/decide|/operate)?$");
    private static final String HTML = "text/html; charset=utf-8";

    private final ReleaseClient releases;
    private final ConsoleSecurity security;
    /** What the last decision of a session came to, shown once on the next page it loads. */
    private final Map<String, String> flashes = new ConcurrentHashMap<>();

    ConsoleRoutes(ReleaseClient releases, ConsoleSecurity security) {
        this.releases = releases;
        this.security = security;
    }

    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!method.equals("GET") && !method.equals("POST")) {
            send(exchange, 405, "text/plain", "method not allowed");
            return;
        }
        switch (path) {
            case "/" -> list(exchange);
            case "/api/releases" ->
                send(exchange, 200, "application/json", JSON.writeValueAsString(new ReleaseRows(releases).rows()));
            case "/console.css" ->
                send(exchange, 200, "text/css; charset=utf-8", ConsoleServer.resource("console.css"));
            case "/console.js" ->
                send(exchange, 200, "text/javascript; charset=utf-8", ConsoleServer.resource("console.js"));
            default -> release(exchange, path);
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        security.session(exchange);
        send(exchange, 200, HTML, ListPage.render(new ReleaseRows(releases).rows()));
    }

    private void release(HttpExchange exchange, String path) throws IOException {
        Matcher m = RELEASE.matcher(path);
        if (!m.matches() || !ReleaseVersion.isValid(m.group(2))) {
            send(exchange, 404, HTML, Html.page("Not found", "<p>No such page.</p>"));
            return;
        }
        String version = m.group(2);
        boolean api = m.group(1) != null;
        String tail = m.group(3) == null ? "" : m.group(3);
        boolean post = exchange.getRequestMethod().equals("POST");
        if (post != (tail.equals("/decide") || tail.equals("/operate")) || (api && !tail.isEmpty())) {
            send(exchange, 405, "text/plain", "method not allowed");
            return;
        }
        try {
            if (api) {
                send(exchange, 200, "application/json", state(version));
            } else if (tail.equals("/report.html")) {
                report(exchange, version);
            } else if (post) {
                post(exchange, version, tail);
            } else {
                String session = security.session(exchange);
                String page = ReleasePage.render(
                        ReleaseView.read(releases, version), security.token(session), flashes.remove(session));
                send(exchange, 200, HTML, page);
            }
        } catch (RuntimeException e) {
            int status = Refusals.notFound(e) ? 404 : 503;
            send(
                    exchange,
                    status,
                    HTML,
                    Html.page("Release " + version, "<p class=\"failure\">" + Html.text(Refusals.message(e)) + "</p>"));
        }
    }

    /** What the release page watches to tell its reader that the release moved on. */
    private String state(String version) throws IOException {
        ReleaseStatus s = releases.status(version);
        ObjectNode state = JSON.createObjectNode();
        state.put("phase", s.phase().name());
        state.put(
                "manifestSha256",
                s.metadata() == null ? null : s.metadata().manifest().sha256());
        state.put(
                "evidenceSha256",
                s.reports() == null ? null : s.reports().json().sha256());
        state.put("decisions", s.approval().records().size());
        return JSON.writeValueAsString(state);
    }

    private void post(HttpExchange exchange, String version, String tail) throws IOException {
        Map<String, String> form;
        try {
            form = Forms.read(exchange.getRequestBody());
        } catch (IOException | IllegalArgumentException e) {
            send(exchange, 400, "text/plain", "unreadable form: " + e.getMessage());
            return;
        }
        Optional<String> refused = security.refusePost(exchange, form.get("token"));
        if (refused.isPresent()) {
            send(
                    exchange,
                    403,
                    HTML,
                    Html.page("Refused", "<p class=\"failure\">" + Html.text(refused.get()) + "</p>"));
            return;
        }
        String outcome = tail.equals("/decide")
                ? new Decisions(releases).decide(version, form)
                : new Operations(releases).act(version, form);
        flashes.put(security.session(exchange), outcome);
        exchange.getResponseHeaders().set("Location", "/releases/" + version);
        send(exchange, 303, "text/plain", "");
    }

    /** The run's HTML evidence report, from the bucket; it has inline styles and SVG, and no script. */
    private void report(HttpExchange exchange, String version) throws IOException {
        ReleaseStatus s = releases.status(version);
        if (s.reports() == null) {
            send(exchange, 404, HTML, Html.page("Not found", "<p>No evidence report yet.</p>"));
            return;
        }
        byte[] html = releases.store().getBytes(s.reports().html().key());
        exchange.getResponseHeaders()
                .set(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
                                + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        send(exchange, 200, HTML, html);
    }
}
