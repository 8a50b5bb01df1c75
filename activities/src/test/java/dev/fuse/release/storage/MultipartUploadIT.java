package dev.fuse.release.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.support.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multipart uploads with parallel parts, and several uploads at once, against a real S3 endpoint
 * (S3Proxy) over a real socket: the smallest sizes S3 allows (5 MiB parts) keep it quick.
 */
class MultipartUploadIT {
    private static final int MIB = 1024 * 1024;

    @TempDir
    static Path data;

    static S3ProxyServer s3;
    static ArtifactStore store;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3ProxyServer(Files.createDirectories(data.resolve("s3")));
        Map<String, String> env = new HashMap<>(s3.env("multipart-it"));
        env.put("FUSE_RELEASE_S3_MULTIPART_THRESHOLD_MIB", "6");
        env.put("FUSE_RELEASE_S3_PART_SIZE_MIB", "5");
        env.put("FUSE_RELEASE_S3_PARALLEL_PARTS", "3");
        env.put("FUSE_RELEASE_PARALLEL_UPLOADS", "2");
        store = new ArtifactStore(StoreConfig.fromEnvironment(env));
        store.ensureBucket();
    }

    @AfterAll
    static void stop() {
        store.close();
        s3.close();
    }

    @Test
    void aLargeFileArrivesWholeWithItsDigest(@TempDir Path dir) throws Exception {
        Path file = random(dir.resolve("big.tar.gz"), 17 * MIB + 123, 1);
        ArtifactRef ref = store.putFile("staging/mp/big.tar.gz", file, Sha256.of(file));

        assertThat(ref.size()).isEqualTo(Files.size(file));
        ObjectInfo info = store.head(ref.key()).orElseThrow();
        assertThat(info.sha256()).isEqualTo(Sha256.of(file));
        assertThat(info.size()).isEqualTo(Files.size(file));
        Path copy = dir.resolve("copy");
        store.download(ref, copy);
        assertThat(Files.mismatch(file, copy)).isEqualTo(-1L);
    }

    @Test
    void aWrongDigestIsRefusedAndNothingIsLeft(@TempDir Path dir) throws Exception {
        Path file = random(dir.resolve("lying"), 11 * MIB, 2);
        String key = "staging/mp/lying";
        // The claimed digest is the whole file's; the store checks each part against its own, so
        // the lie shows only in the recorded metadata, which download() then catches.
        ArtifactRef ref = store.putFile(key, file, "0".repeat(64));
        assertThatThrownBy(() -> store.download(ref, dir.resolve("bad")))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.DIGEST_MISMATCH));
    }

    @Test
    void writeOnceHoldsForMultipartToo(@TempDir Path dir) throws Exception {
        Path first = random(dir.resolve("first"), 12 * MIB, 3);
        String key = "releases/9.9.9/big.tar.gz";
        store.putFileIfAbsent(key, first);
        assertThat(store.putFileIfAbsent(key, first).sha256()).isEqualTo(Sha256.of(first));

        Path other = random(dir.resolve("other"), 12 * MIB, 4);
        assertThatThrownBy(() -> store.putFileIfAbsent(key, other))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT))
                .hasMessageContaining("already exists with other content");
        assertThat(store.head(key).orElseThrow().sha256()).isEqualTo(Sha256.of(first));
    }

    @Test
    void severalFilesGoUpAtOnceAndComeBackInOrder(@TempDir Path dir) throws Exception {
        List<Uploads.File> files = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path file = random(dir.resolve("f" + i), i == 2 ? 7 * MIB : 1000 + i, 10 + i);
            files.add(new Uploads.File("staging/mp/many/f" + i, file, null, false));
        }
        List<ArtifactRef> refs;
        try (Uploads uploads = store.startUploads(files)) {
            refs = uploads.awaitAll();
        }
        for (int i = 0; i < 5; i++) {
            assertThat(refs.get(i).key()).isEqualTo("staging/mp/many/f" + i);
            assertThat(refs.get(i).sha256()).isEqualTo(Sha256.of(files.get(i).path()));
            assertThat(store.head(refs.get(i).key()).orElseThrow().sha256())
                    .isEqualTo(refs.get(i).sha256());
        }
    }

    @Test
    void aFailedUploadIsReportedByItsCaller(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("not-there");
        try (Uploads uploads = store.startUploads(List.of(new Uploads.File("staging/mp/none", missing, null, false)))) {
            assertThatThrownBy(() -> uploads.await(0))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("not-there");
        }
    }

    private static Path random(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(left, block.length));
            }
        }
        return file;
    }
}
