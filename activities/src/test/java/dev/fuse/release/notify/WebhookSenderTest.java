package dev.fuse.release.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.fuse.release.contract.model.DeliveryAttempt;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real POSTs to a receiver on loopback: headers, signature, and how each answer is classified. */
class WebhookSenderTest {
    private static final byte[] SECRET = "a-shared-secret-of-some-length".getBytes(StandardCharsets.UTF_8);
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private volatile int answer = 204;

    @AfterEach
    void stop() {
        if (receiver != null) receiver.stop(0);
    }

    private URI start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            headers.add(Map.copyOf(exchange.getRequestHeaders()));
            bodies.add(exchange.getRequestBody().readAllBytes());
            if (answer == 301) exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @Test
    void aDeliveryCarriesItsIdTypeAndAnHmacTheReceiverCanRecompute() throws Exception {
        URI hook = start();
        byte[] body = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

        DeliveryAttempt attempt = new WebhookSender(SECRET).post(hook, "e-1", "release.published", body);

        assertThat(attempt).isEqualTo(DeliveryAttempt.delivered("HTTP 204"));
        assertThat(bodies).singleElement().isEqualTo(body);
        Map<String, List<String>> sent = headers.get(0);
        assertThat(sent.get("X-fuse-release-delivery")).containsExactly("e-1");
        assertThat(sent.get("X-fuse-release-event")).containsExactly("release.published");
        // The value GitHub's documented check computes: HMAC-SHA256 of the raw body, hex, "sha256=" prefix.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
        assertThat(sent.get("X-fuse-release-signature-256"))
                .containsExactly("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body)));
    }

    @Test
    void answersAreClassifiedAsDeliveredRetryableOrFinal() throws Exception {
        URI hook = start();
        WebhookSender sender = new WebhookSender(SECRET);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        answer = 503;
        assertThat(sender.post(hook, "e", "t", body)).isEqualTo(DeliveryAttempt.failed(true, "HTTP 503"));
        answer = 429;
        assertThat(sender.post(hook, "e", "t", body).retryable()).isTrue();
        answer = 404;
        assertThat(sender.post(hook, "e", "t", body))
                .isEqualTo(DeliveryAttempt.failed(false, "HTTP 404 (refused; not retried)"));
        answer = 301;
        assertThat(sender.post(hook, "e", "t", body))
                .isEqualTo(DeliveryAttempt.failed(false, "HTTP 301 (redirects are not followed)"));
        assertThat(bodies).hasSize(4);
    }

    @Test
    void aClosedPortIsARetryableConnectionRefusedNamingNoAddress() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        DeliveryAttempt attempt = new WebhookSender(SECRET)
                .post(URI.create("http://127.0.0.1:" + closed + "/SECRETPATH"), "e", "t", new byte[0]);

        assertThat(attempt).isEqualTo(DeliveryAttempt.failed(true, "connection refused"));
    }
}
