package dev.fuse.release.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fuse.release.client.ReleaseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approvers' and operators' console: a small web application on the release client (no build
 * step, nothing loaded from elsewhere), served by the JDK's HTTP server. Routes are in
 * {@link ConsoleRoutes}; this class owns the socket and writes responses.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private ConsoleServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts the console on {@code address} (port 0: any free port), answering to that address only. */
    public static ConsoleServer start(ReleaseClient releases, InetSocketAddress address) throws IOException {
        return start(releases, address, List.of());
    }

    /**
     * Starts the console; {@code hostNames} are the further Host headers it answers to (the names
     * an authenticating proxy in front of it forwards).
     */
    public static ConsoleServer start(ReleaseClient releases, InetSocketAddress address, List<String> hostNames)
            throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "console-http");
            t.setDaemon(true);
            return t;
        });
        ConsoleRoutes routes = new ConsoleRoutes(releases, new ConsoleSecurity());
        HostCheck hosts = HostCheck.forAddress(server.getAddress(), hostNames);
        server.createContext("/", exchange -> handle(routes, hosts, exchange));
        server.setExecutor(executor);
        server.start();
        return new ConsoleServer(server, executor);
    }

    private static void handle(ConsoleRoutes routes, HostCheck hosts, HttpExchange exchange) {
        try (exchange) {
            ConsoleSecurity.harden(exchange.getResponseHeaders());
            if (!hosts.allows(exchange.getRequestHeaders().getFirst("Host"))) {
                send(
                        exchange,
                        421,
                        "text/plain",
                        "this console answers only to its own address, not to "
                                + "another host name (a DNS rebinding attempt?)");
                return;
            }
            routes.handle(exchange);
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "console request {} {} failed: {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    e.toString());
        }
    }

    /** {@code http://host:port/}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        send(exchange, status, contentType, bytes);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/console/" + name)) {
            if (in == null) throw new IOException("console resource " + name + " is missing from the jar");
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
