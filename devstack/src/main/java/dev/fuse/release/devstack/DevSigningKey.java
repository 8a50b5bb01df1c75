package dev.fuse.release.devstack;

import dev.fuse.release.signing.ReleaseSignatures;
import dev.fuse.release.signing.ReleaseSigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dev stack's release signing key, one per data directory ({@code signing/release-key}, kept
 * across restarts so releases stay verifiable), and the {@code allowed_signers} file that trusts
 * it, which {@code verify} uses by default on the dev stack. Production brings its own key.
 */
record DevSigningKey(Path privateKey, Path allowedSigners) {
    static DevSigningKey loadOrCreate(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("signing"));
        Path key = dir.resolve("release-key");
        ReleaseSigningKey loaded =
                Files.exists(key) ? ReleaseSigningKey.load(key) : ReleaseSigningKey.generate(key, "fuse-release");
        Path signers = dir.resolve(ReleaseSignatures.ALLOWED_SIGNERS);
        Files.write(signers, ReleaseSignatures.allowedSigners(loaded));
        return new DevSigningKey(key, signers);
    }
}
