package dev.fuse.release.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against a real S3 endpoint (S3Proxy) over a real socket. */
class ArtifactStoreIT {
    @TempDir
    static Path data;

    static S3ProxyServer s3;
    static ArtifactStore store;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3ProxyServer(Files.createDirectories(data.resolve("s3")));
        store = new ArtifactStore(StoreConfig.fromEnvironment(s3.env("store-it")));
        store.ensureBucket();
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        s3.close();
    }

    @Test
    void uploadRecordsDigestAndDownloadChecksIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.tar.gz"), "archive bytes");
        ArtifactRef ref = store.putFile("staging/0.4.0/run/a.tar.gz", file);
        assertThat(ref.sha256()).isEqualTo(Sha256.of(file));
        assertThat(store.head(ref.key()).orElseThrow().sha256()).isEqualTo(ref.sha256());

        Path copy = dir.resolve("copy");
        store.download(ref, copy);
        assertThat(Files.readString(copy)).isEqualTo("archive bytes");

        ArtifactRef lying = new ArtifactRef(ref.bucket(), ref.key(), "0".repeat(64), ref.size());
        assertThatThrownBy(() -> store.download(lying, dir.resolve("bad")))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.DIGEST_MISMATCH))
                .hasMessageContaining("expected " + "0".repeat(64));
    }

    @Test
    void writeOnceIsIdempotentForSameBytesAndRefusesOthers(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "v1");
        String key = "releases/9.9.9/f";
        store.putFileIfAbsent(key, file);
        assertThat(store.putFileIfAbsent(key, file).sha256()).isEqualTo(Sha256.of(file));

        Files.writeString(file, "v2");
        assertThatThrownBy(() -> store.putFileIfAbsent(key, file))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT))
                .hasMessageContaining("already exists with other content");
        assertThat(new String(store.getBytes(key), StandardCharsets.UTF_8)).isEqualTo("v1");
    }

    @Test
    void compareAndSwapRefusesAStaleEtag() {
        String key = "cas/latest.json";
        store.putBytesIfUnchanged(key, "{\"v\":1}".getBytes(StandardCharsets.UTF_8), "application/json", null);
        String etag = store.head(key).orElseThrow().etag();
        store.putBytesIfUnchanged(key, "{\"v\":2}".getBytes(StandardCharsets.UTF_8), "application/json", etag);
        assertThatThrownBy(() -> store.putBytesIfUnchanged(
                        key, "{\"v\":3}".getBytes(StandardCharsets.UTF_8), "application/json", etag))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
    }

    @Test
    void wrongCredentialsAreReportedAsSuch() {
        Map<String, String> env = new HashMap<>(s3.env("store-it"));
        env.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
        try (ArtifactStore wrong = new ArtifactStore(StoreConfig.fromEnvironment(env))) {
            assertThatThrownBy(wrong::checkAccess)
                    .isInstanceOfSatisfying(
                            StoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.ACCESS_DENIED))
                    .hasMessageContaining("check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY")
                    .hasMessageNotContaining("(null)");
        }
    }

    @Test
    void missingCredentialsAreOneSpecificLine() {
        Map<String, String> env = new HashMap<>(s3.env("store-it"));
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        System.setProperty("aws.profile", "fuse-release-test-no-such-profile");
        try (ArtifactStore anonymous = new ArtifactStore(StoreConfig.fromEnvironment(env))) {
            assertThatThrownBy(anonymous::checkAccess)
                    .isInstanceOfSatisfying(
                            StoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.ACCESS_DENIED))
                    .hasMessageContaining("no S3 credentials found")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        } finally {
            System.clearProperty("aws.profile");
        }
    }

    @Test
    void anUnreachableEndpointSaysHowToFixIt() {
        Map<String, String> env = new HashMap<>(s3.env("store-it"));
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1");
        try (ArtifactStore nowhere = new ArtifactStore(StoreConfig.fromEnvironment(env))) {
            assertThatThrownBy(nowhere::checkAccess)
                    .isInstanceOfSatisfying(
                            StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNREACHABLE))
                    .hasMessageContaining("unreachable")
                    .hasMessageContaining("AWS_ENDPOINT_URL_S3");
        }
    }

    @Test
    void aMissingBucketIsNamed() {
        try (ArtifactStore missing = new ArtifactStore(StoreConfig.fromEnvironment(s3.env("no-such-bucket")))) {
            assertThatThrownBy(missing::checkAccess)
                    .isInstanceOfSatisfying(
                            StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.NO_BUCKET))
                    .hasMessageContaining("bucket no-such-bucket does not exist");
        }
    }

    @Test
    void foldersAndKeysAreListed(@TempDir Path dir) throws Exception {
        store.putBytes("releases/0.1.0/x", new byte[] {1}, "application/octet-stream");
        store.putBytes("releases/0.2.0/y", new byte[] {2}, "application/octet-stream");
        assertThat(store.listFolders("releases/")).contains("releases/0.1.0/", "releases/0.2.0/");
        assertThat(store.listKeys("releases/0.1.0/")).containsExactly("releases/0.1.0/x");
    }
}
