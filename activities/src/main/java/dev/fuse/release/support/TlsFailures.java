package dev.fuse.release.support;

import java.security.cert.CertificateExpiredException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * Why a TLS handshake failed, in the words of whoever configures the connection: the three
 * failures a deployment meets (a certificate from an untrusted CA, an expired certificate, a
 * server that wants a client certificate it was not given) and a wrong host name, each with the
 * variable that fixes it. The JDK reports them as exception types and alert texts deep in the
 * cause chain of whatever client made the call (gRPC, the AWS SDK).
 */
public final class TlsFailures {
    /** The variables of one client that fix what a handshake can get wrong. */
    public record Settings(String trustedCas, String clientCertificate, String serverName) {}

    private TlsFailures() {}

    /** The reason and fix ("reason; fix"), or empty when {@code failure} was no TLS handshake failure. */
    public static Optional<String> describe(Throwable failure, Settings settings) {
        // The outer exceptions say "PKIX path ... failed" for every certificate problem: the most
        // specific cause anywhere in the chain decides.
        Optional<Throwable> expired = find(
                failure,
                t -> t instanceof CertificateExpiredException
                        || text(t).contains("validity check failed")
                        || text(t).contains("certificate_expired"));
        if (expired.isPresent()) {
            return Optional.of("a certificate of the handshake has expired ("
                    + expired.get().getMessage()
                    + "); renew the server's certificate (or this client's, if it is the one)");
        }
        if (find(failure, t -> text(t).contains("certificate_required") || text(t).contains("bad_certificate"))
                .isPresent()) {
            return Optional.of("the server requires a client certificate and refused the handshake; set "
                    + settings.clientCertificate() + " to this client's certificate and key");
        }
        if (find(failure, t -> text(t).contains("pkix path") || text(t).contains("valid certification path"))
                .isPresent()) {
            return Optional.of("the server's certificate is not signed by a trusted CA; set " + settings.trustedCas()
                    + " to the certificate of the CA that signed it");
        }
        if (find(failure, t -> text(t).contains("no subject alternative") || text(t).contains("no name matching"))
                .isPresent()) {
            return Optional.of("the server's certificate is for another host name; connect by a name it lists, or"
                    + " set " + settings.serverName());
        }
        return find(failure, t -> t instanceof SSLException)
                .map(t -> "the TLS handshake failed (" + t.getMessage() + ")");
    }

    private static Optional<Throwable> find(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (test.test(t)) return Optional.of(t);
        }
        return Optional.empty();
    }

    private static String text(Throwable t) {
        return String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    }
}
