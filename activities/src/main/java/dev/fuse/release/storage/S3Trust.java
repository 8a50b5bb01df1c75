package dev.fuse.release.storage;

import java.net.URI;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Which certificates the S3 client trusts: none for {@code http://}, else AWS_CA_BUNDLE's or the JVM's. */
final class S3Trust {
    /**
     * For an {@code http://} endpoint (MinIO or S3Proxy on a private network, the dev stack): the
     * client builds its TLS context anyway, which means parsing every CA certificate it trusts
     * (the JVM's, or an {@code AWS_CA_BUNDLE} that many machines point at the system's 140), 0.5 s
     * of a cold CLI command. An empty list gives a context that trusts nobody, which a plain
     * connection never asks; an {@code AWS_CA_BUNDLE} is then not read at all.
     */
    private static final TlsTrustManagersProvider NO_TLS = () -> new TrustManager[0];

    private S3Trust() {}

    static void configure(S3ClientBuilder builder, StoreConfig config) {
        if (plainHttp(config.endpoint())) {
            builder.httpClientBuilder(Apache5HttpClient.builder().tlsTrustManagersProvider(NO_TLS));
        } else if (config.caBundle() != null) {
            builder.httpClientBuilder(
                    Apache5HttpClient.builder().tlsTrustManagersProvider(CaBundle.trusting(config.caBundle())));
        }
    }

    private static boolean plainHttp(URI endpoint) {
        return endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme());
    }
}
