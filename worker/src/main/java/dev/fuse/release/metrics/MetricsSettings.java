package dev.fuse.release.metrics;

import java.net.InetSocketAddress;

/**
 * {@code FUSE_RELEASE_METRICS_ADDRESS}: where a worker serves {@code /metrics}, {@code /healthz}
 * and {@code /readyz}; unset means no server. {@code host:port}, the host given on purpose
 * ({@code 127.0.0.1} for a scraper on the same machine, {@code 0.0.0.0} in a container).
 */
public record MetricsSettings(String host, int port) {
    public static MetricsSettings parse(String text) {
        if (text == null || text.isBlank()) return null;
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon) : "";
        int port = -1;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            // reported below, with the expected form
        }
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("FUSE_RELEASE_METRICS_ADDRESS '" + text
                    + "' is not host:port; use e.g. 127.0.0.1:9464 (or 0.0.0.0:9464 in a container)");
        }
        return new MetricsSettings(host, port);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** FUSE_RELEASE_LOG_FORMAT: text (default) or json; anything else is refused at worker start. */
    public static void checkLogFormat(String text) {
        if (text != null && !text.equals("text") && !text.equals("json")) {
            throw new IllegalArgumentException("FUSE_RELEASE_LOG_FORMAT '" + text
                    + "' is not text or json; json writes one JSON object per log line");
        }
    }
}
