package dev.fuse.release.devstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * S3Proxy on 127.0.0.1 with the filesystem backend: a real S3 endpoint (SigV4, conditional
 * writes) whose objects are plain files under {@code <dataDir>/s3/<bucket>/<key>}, so the data
 * survives a restart of the stack.
 */
public final class EmbeddedS3 implements AutoCloseable {
    private final S3Proxy proxy;
    private final int port;
    private final Path baseDir;

    private EmbeddedS3(S3Proxy proxy, int port, Path baseDir) {
        this.proxy = proxy;
        this.port = port;
        this.baseDir = baseDir;
    }

    public static EmbeddedS3 start(Path dataDir, int preferredPort, DevCredentials credentials) throws Exception {
        Path baseDir = Files.createDirectories(dataDir.resolve("s3"));
        int port = Ports.preferredOrFree(preferredPort);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(baseDir.toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKey(), credentials.secretKey())
                // The AWS SDK sends headers (e.g. x-amz-sdk-checksum-algorithm) S3Proxy does not know.
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        for (int i = 0; i < 100 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(50);
        }
        if (!"STARTED".equals(proxy.getState())) {
            proxy.stop();
            throw new IllegalStateException(
                    "S3Proxy did not start on port " + port + " (state " + proxy.getState() + ")");
        }
        return new EmbeddedS3(proxy, port, baseDir);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path baseDir() {
        return baseDir;
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
