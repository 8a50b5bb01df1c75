package dev.fuse.release.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

/**
 * The certificates of {@code AWS_CA_BUNDLE} as the only ones the S3 client trusts, as the AWS CLI
 * reads that variable: a private CA in front of MinIO needs no change to the JVM's trust store.
 */
final class CaBundle {
    private CaBundle() {}

    static TlsTrustManagersProvider trusting(Path bundle) {
        TrustManager[] managers = load(bundle);
        return () -> managers;
    }

    private static TrustManager[] load(Path bundle) {
        try (InputStream in = Files.newInputStream(bundle)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) throw new GeneralSecurityException("no certificate in it");
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("AWS_CA_BUNDLE " + bundle + " holds no usable PEM certificate ("
                    + e.getMessage() + "); point it at the CA certificates of the S3 endpoint");
        }
    }
}
