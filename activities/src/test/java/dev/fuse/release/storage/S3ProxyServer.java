package dev.fuse.release.storage;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** A real S3 endpoint for tests: S3Proxy with the filesystem backend on a free loopback port. */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "TESTACCESSKEY";
    public static final String SECRET_KEY = "test-secret-key-0123456789";
    private final S3Proxy proxy;
    private final int port;

    public S3ProxyServer(Path baseDir) throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(baseDir.toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        for (int i = 0; i < 100 && !"STARTED".equals(proxy.getState()); i++) Thread.sleep(50);
    }

    public Map<String, String> env(String bucket) {
        return Map.of(
                "AWS_ENDPOINT_URL_S3",
                "http://127.0.0.1:" + port,
                "AWS_ACCESS_KEY_ID",
                ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                SECRET_KEY,
                "FUSE_RELEASE_BUCKET",
                bucket,
                "AWS_REGION",
                "us-east-1");
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // Stopping is best effort: the JVM or the test ends next, and a failed stop frees the port then.
            throw new IllegalStateException("S3Proxy did not stop: " + e.getMessage(), e);
        }
    }
}
