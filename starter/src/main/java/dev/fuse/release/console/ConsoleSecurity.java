package dev.fuse.release.console;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What keeps the console's pages from being used against their reader: every response carries a
 * strict Content Security Policy (scripts and styles only from the console, no inline script, no
 * framing, forms only to itself) and no CORS header; a browser session gets an HttpOnly,
 * SameSite=Strict cookie; and a state-changing POST must carry the session's CSRF token (an HMAC
 * of the session id under a key that lives only in this process) and, when the browser sends one,
 * an Origin of the console itself.
 */
final class ConsoleSecurity {
    static final String COOKIE = "fuse_console_session";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final byte[] key = new byte[32];
    private final SecureRandom random = new SecureRandom();

    ConsoleSecurity() {
        random.nextBytes(key);
    }

    /** Headers every response carries. */
    static void harden(Headers headers) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: with no-referrer Chromium posts forms with "Origin: null", which the
        // origin check must refuse (a sandboxed frame elsewhere sends the same).
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Cache-Control", "no-store");
    }

    /** The request's session id, or a new one set as the session cookie on the response. */
    String session(HttpExchange exchange) {
        Optional<String> existing = cookie(exchange);
        if (existing.isPresent()) return existing.get();
        byte[] id = new byte[24];
        random.nextBytes(id);
        String session = HexFormat.of().formatHex(id);
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
        return session;
    }

    /** The CSRF token of a session: the forms of its pages carry it back. */
    String token(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    /** Why a POST is refused (no session, wrong token, another origin), or empty when it may proceed. */
    Optional<String> refusePost(HttpExchange exchange, String formToken) {
        Optional<String> session = cookie(exchange);
        if (session.isEmpty()) return Optional.of("no console session: reload the page and decide again");
        if (formToken == null
                || !MessageDigest.isEqual(
                        token(session.get()).getBytes(StandardCharsets.UTF_8),
                        formToken.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the form's token does not belong to this session: reload the page and decide again");
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin != null && !sameHost(origin, host)) {
            return Optional.of("a request from " + origin + " may not act on this console");
        }
        return Optional.empty();
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            return host != null && host.equalsIgnoreCase(uri.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> cookie(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(COOKIE) && kv[1].matches("[0-9a-f]{48}")) {
                    return Optional.of(kv[1]);
                }
            }
        }
        return Optional.empty();
    }
}
