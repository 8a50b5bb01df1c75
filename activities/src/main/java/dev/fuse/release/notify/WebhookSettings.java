package dev.fuse.release.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an orchestrator worker sends notifications and how it signs them: the endpoints of
 * {@code FUSE_RELEASE_NOTIFY}, the secret of {@code FUSE_RELEASE_NOTIFY_SECRET} and the console's
 * address ({@code FUSE_RELEASE_CONSOLE_URL}) that messages link to. An endpoint's address is a
 * secret of its own (a chat webhook's path is its token): nothing here ever prints one; a label
 * names it by position and host.
 */
public record WebhookSettings(List<URI> endpoints, byte[] secret, URI console) {
    /** Shorter secrets are guessable; {@code openssl rand -hex 32} makes a good one. */
    static final int MIN_SECRET_LENGTH = 16;

    /** Each endpoint multiplies every event's attempts in the release's history: a handful is plenty. */
    static final int MAX_ENDPOINTS = 10;

    public WebhookSettings {
        endpoints = List.copyOf(endpoints);
        secret = secret == null ? new byte[0] : secret.clone();
    }

    public static WebhookSettings none() {
        return new WebhookSettings(List.of(), null, null);
    }

    /**
     * The settings from the three variables' values (each may be null); every problem is added to
     * {@code errors}, naming the variable and never the address.
     */
    public static WebhookSettings parse(String notify, String secret, String console, List<String> errors) {
        List<URI> endpoints = new ArrayList<>();
        String[] entries = notify == null || notify.isBlank()
                ? new String[0]
                : notify.trim().split("[,\\s]+");
        for (int i = 0; i < entries.length; i++) {
            endpoint(entries[i], i + 1, errors).ifPresent(endpoints::add);
        }
        if (entries.length > MAX_ENDPOINTS) {
            errors.add("FUSE_RELEASE_NOTIFY lists " + entries.length + " endpoints; at most " + MAX_ENDPOINTS
                    + " (fan out to more from a receiver of your own)");
        }
        if (entries.length > 0 && (secret == null || secret.length() < MIN_SECRET_LENGTH)) {
            errors.add(
                    "FUSE_RELEASE_NOTIFY is set but FUSE_RELEASE_NOTIFY_SECRET "
                            + (secret == null || secret.isEmpty()
                                    ? "is not"
                                    : "is shorter than " + MIN_SECRET_LENGTH + " characters")
                            + ": every delivery is signed; make a secret with openssl rand -hex 32 and give it to the receivers");
        }
        URI consoleUri = null;
        if (console != null && !console.isBlank()) {
            consoleUri = consoleAddress(console.trim(), errors);
        }
        return new WebhookSettings(
                endpoints, secret == null ? null : secret.getBytes(StandardCharsets.UTF_8), consoleUri);
    }

    private static Optional<URI> endpoint(String text, int position, List<String> errors) {
        String where = "FUSE_RELEASE_NOTIFY entry " + position;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            errors.add(where + " is not a URL; list http(s) URLs separated by commas or spaces");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            errors.add(where + " is not an http(s) URL with a host; list URLs such as https://hooks.example.com/fuse");
            return Optional.empty();
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            errors.add(where + " (host " + uri.getHost() + ") is plain http: the notification would cross the network"
                    + " readable; use https (plain http is accepted for loopback receivers only)");
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    private static URI consoleAddress(String text, List<String> errors) {
        try {
            URI uri = new URI(text.endsWith("/") ? text : text + "/");
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())))
                return uri;
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add("FUSE_RELEASE_CONSOLE_URL is not an http(s) URL; set it to where approvers open the console,"
                + " e.g. https://releases.example.com/");
        return null;
    }

    private static boolean loopback(String host) {
        if (host.equals("localhost")) return true;
        try {
            // Literal addresses only: a name is not resolved here (a hostile DNS answer proves nothing).
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")
                    && InetAddress.getByName(host.replace("[", "").replace("]", ""))
                            .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A label per endpoint for status and history: its position and host, never its path or query. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            labels.add("#" + (i + 1) + " " + endpoints.get(i).getHost());
        }
        return labels;
    }

    @Override
    public String toString() {
        return "WebhookSettings" + labels();
    }
}
