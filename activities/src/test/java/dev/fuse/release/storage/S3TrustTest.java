package dev.fuse.release.storage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AWS_CA_BUNDLE is read for an https endpoint only: a plain http one never parses certificates. */
class S3TrustTest {
    @TempDir
    Path dir;

    private S3ObjectStore store(String endpoint, Path bundle) {
        return new S3ObjectStore(StoreConfig.fromEnvironment(Map.of(
                "AWS_ENDPOINT_URL_S3",
                endpoint,
                "AWS_CA_BUNDLE",
                bundle.toString(),
                "AWS_ACCESS_KEY_ID",
                "k",
                "AWS_SECRET_ACCESS_KEY",
                "s")));
    }

    @Test
    void aBundleIsReadForHttpsAndNotForHttp() throws Exception {
        Path notCertificates = Files.writeString(dir.resolve("bundle.pem"), "not a certificate\n");
        assertThatThrownBy(() -> store("https://127.0.0.1:9443", notCertificates))
                .hasMessageContaining("holds no usable PEM certificate");
        assertThatCode(() -> store("http://127.0.0.1:9000", notCertificates).close())
                .doesNotThrowAnyException();
    }
}
