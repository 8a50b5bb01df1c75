package dev.fuse.release.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.support.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelGzipOutputStreamTest {
    @TempDir
    Path dir;

    private static byte[] binaryLike(int size, long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = i >= 64 && random.nextInt(3) > 0 ? data[i - 1 - random.nextInt(64)] : (byte) random.nextInt(256);
        }
        return data;
    }

    private static byte[] gzip(byte[] data, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream gz = new ParallelGzipOutputStream(out, 6)) {
            for (int off = 0; off < data.length; off += chunk) {
                gz.write(data, off, Math.min(chunk, data.length - off));
            }
        }
        return out.toByteArray();
    }

    @Test
    void anyGunzipReadsBackEveryByteAtBlockBoundariesToo() throws Exception {
        int block = ParallelGzipOutputStream.BLOCK;
        for (int size : List.of(0, 1, block - 1, block, block + 1, 3 * block + 5)) {
            byte[] data = binaryLike(size, size);
            byte[] compressed = gzip(data, 65536);
            try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
                assertThat(in.readAllBytes()).as("size %d", size).isEqualTo(data);
            }
            Path file = dir.resolve("data-" + size + ".gz");
            Files.write(file, compressed);
            Process gunzip = new ProcessBuilder("gzip", "-t", file.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(gunzip.waitFor())
                    .as(
                            "gzip -t of %d bytes: %s",
                            size, new String(gunzip.getInputStream().readAllBytes()))
                    .isZero();
        }
    }

    @Test
    void theBytesDependOnTheInputOnlyNotOnHowItIsWrittenOrOnThreadTiming() throws Exception {
        byte[] data = binaryLike(5 * ParallelGzipOutputStream.BLOCK / 2, 42);
        byte[] bulk = gzip(data, data.length);
        assertThat(gzip(data, 7777)).isEqualTo(bulk);
        assertThat(gzip(data, 1 << 20)).isEqualTo(bulk);
        // The header is gzip -n's: no name, no time, OS unknown.
        assertThat(bulk[3]).isZero();
        assertThat(new byte[] {bulk[4], bulk[5], bulk[6], bulk[7]}).containsOnly(0);
        assertThat(bulk[9]).isEqualTo((byte) 255);
    }

    @Test
    void theArchiverReturnsTheDigestOfWhatItWrote() throws Exception {
        Path member = Files.write(dir.resolve("hello"), binaryLike(300_000, 1));
        Path archive = dir.resolve("a.tar.gz");
        String digest = DeterministicArchiver.writeTarGz(
                archive, "root", List.of(new ArchiveMember("hello", member, true)), 1767225600L);
        assertThat(digest).isEqualTo(Sha256.of(archive));
    }
}
