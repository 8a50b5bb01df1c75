package dev.fuse.release.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A worker's metrics and health over HTTP: {@code /metrics} in Prometheus' text format (the
 * SDK's worker metrics and ours), {@code /healthz} (the process answers) and {@code /readyz}
 * (polling, and Temporal answers; the reason when not).
 */
public final class MetricsServer implements AutoCloseable {
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    /** @param readiness null when ready, else why not (one line) */
    public MetricsServer(MetricsSettings settings, PrometheusMeterRegistry registry, Supplier<String> readiness)
            throws IOException {
        server = HttpServer.create(settings.address(), 16);
        server.createContext("/metrics", exchange -> answer(exchange, 200, TEXT_FORMAT, registry.scrape()));
        server.createContext("/healthz", exchange -> answer(exchange, 200, "text/plain", "ok\n"));
        server.createContext("/readyz", exchange -> {
            String notReady = readiness.get();
            if (notReady == null) answer(exchange, 200, "text/plain", "ready\n");
            else answer(exchange, 503, "text/plain", "not ready: " + notReady + "\n");
        });
        // One thread: scrapes and probes are rare and small, and must not compete with activities.
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "fuse-release-metrics");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Where it listens, e.g. http://127.0.0.1:9464 (the port the system chose for port 0). */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")
                    && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
