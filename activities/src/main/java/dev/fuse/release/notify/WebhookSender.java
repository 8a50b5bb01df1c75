package dev.fuse.release.notify;

import dev.fuse.release.contract.model.DeliveryAttempt;
import dev.fuse.release.secrets.SecretMask;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One signed POST: the body, its HMAC-SHA256 under the shared secret in
 * {@value #SIGNATURE_HEADER} (as GitHub's webhooks sign), the event id and type in headers. The
 * answer is classified, never thrown: 2xx delivered; 408, 425, 429 and 5xx and a network failure
 * worth another attempt; any other answer (a 404, a redirect) final. Outcomes name a status or a
 * kind of failure, never the address.
 */
public final class WebhookSender {
    public static final String SIGNATURE_HEADER = "X-Fuse-Release-Signature-256";
    public static final String DELIVERY_HEADER = "X-Fuse-Release-Delivery";
    public static final String EVENT_HEADER = "X-Fuse-Release-Event";
    /** Both together stay under the activity's 15 s start-to-close, so a hung endpoint is an answer, not a timeout. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(4);

    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(8);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final byte[] secret;

    public WebhookSender(byte[] secret) {
        this.secret = secret.clone();
    }

    public DeliveryAttempt post(URI endpoint, String eventId, String eventType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "fuse-release-webhook")
                .header(EVENT_HEADER, eventType)
                .header(DELIVERY_HEADER, eventId)
                .header(SIGNATURE_HEADER, signature(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // The status is the answer; the body is never read (an endless one must not hold the worker).
            response.body().close();
            return answer(response.statusCode());
        } catch (HttpConnectTimeoutException e) {
            return DeliveryAttempt.failed(true, "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return DeliveryAttempt.failed(true, "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            return DeliveryAttempt.failed(true, "connection refused");
        } catch (IOException e) {
            return DeliveryAttempt.failed(true, SecretMask.mask(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryAttempt.failed(true, "interrupted (the worker is stopping)");
        }
    }

    static DeliveryAttempt answer(int status) {
        String outcome = "HTTP " + status;
        if (status >= 200 && status < 300) return DeliveryAttempt.delivered(outcome);
        boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
        if (retryable) return DeliveryAttempt.failed(true, outcome);
        return DeliveryAttempt.failed(
                false,
                outcome
                        + (status >= 300 && status < 400
                                ? " (redirects are not followed)"
                                : " (refused; not retried)"));
    }

    /** {@code sha256=<hex HMAC-SHA256 of the body>}: what a receiver recomputes and compares in constant time. */
    public static String signature(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
