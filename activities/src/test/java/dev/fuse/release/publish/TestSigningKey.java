package dev.fuse.release.publish;

import dev.fuse.release.signing.ReleaseSigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One release signing key for the tests of this package, made once per JVM. */
final class TestSigningKey {
    private static ReleaseSigningKey key;

    private TestSigningKey() {}

    static synchronized ReleaseSigningKey get() {
        if (key == null) {
            try {
                Path dir = Files.createTempDirectory("fuse-release-test-key");
                key = ReleaseSigningKey.generate(dir.resolve("release-key"), "fuse-release");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return key;
    }
}
