package dev.fuse.release.bench;

import dev.fuse.release.contract.model.ArchiveFormat;
import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.packaging.ArchiveMember;
import dev.fuse.release.packaging.ArchiveVerifier;
import dev.fuse.release.packaging.DeterministicArchiver;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.Uploads;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * B1: the artifact path, package + hash + stage upload, ours (the packaging, verification and
 * staging code a build runs) against the shell baseline {@code tar --sort=name ... | gzip -n},
 * {@code sha256sum}, {@code aws s3 cp}, to the same S3 endpoint (the dev stack's S3Proxy), on the
 * same synthetic sets: 3 x 25 MB binaries + 200 small files, and one 500 MB artifact. Goal: ours
 * at least 2x faster (ratio ours/baseline at most 0.5).
 */
final class ArtifactPathBench {
    static final long EPOCH = 1767225600L;
    static final int MB = 1024 * 1024;

    private ArtifactPathBench() {}

    static String run() throws Exception {
        Path work = Files.createTempDirectory("fuse-bench-b1");
        try (DevStack stack = DevStack.start(work.resolve("stack"), null, 0, 0, null, false)) {
            Path small = Files.createDirectories(work.resolve("set-3x25mb-200"));
            for (int i = 0; i < 3; i++) synthetic(small.resolve("bin-" + i), 25L * MB, i);
            for (int i = 0; i < 200; i++) synthetic(small.resolve("doc-" + i + ".txt"), 1024 + 37L * i, 100 + i);
            Path large = Files.createDirectories(work.resolve("set-500mb"));
            synthetic(large.resolve("big-binary"), 500L * MB, 7);

            double[] a = compare(stack, work, small, "set1");
            double[] b = compare(stack, work, large, "set2");
            double ours = a[0] + b[0];
            double baseline = a[1] + b[1];
            double ratio = ours / baseline;
            return Benchmarks.ratioLine(
                    "ms",
                    ours,
                    baseline,
                    ratio,
                    ratio <= 0.5,
                    String.format(
                            Locale.ROOT,
                            "set1_ours=%.0fms set1_baseline=%.0fms set2_ours=%.0fms set2_baseline=%.0fms"
                                    + " size_ours=%d size_baseline=%d",
                            a[0],
                            a[1],
                            b[0],
                            b[1],
                            (long) (a[2] + b[2]),
                            (long) (a[3] + b[3])));
        }
    }

    /** {ours ms, baseline ms, ours bytes, baseline bytes} for one folder. */
    private static double[] compare(DevStack stack, Path work, Path folder, String name) throws Exception {
        dropCaches(folder);
        double ours = ours(stack.store(), work, folder, name);
        dropCaches(folder);
        double baseline = baseline(stack.env(), work, folder, name);
        return new double[] {
            ours, baseline, Files.size(work.resolve(name + ".tar.gz")), Files.size(work.resolve(name + "-base.tar.gz"))
        };
    }

    private static double ours(ArtifactStore store, Path work, Path folder, String name) throws Exception {
        List<ArchiveMember> members = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.sorted().forEach(f -> {
                members.add(new ArchiveMember(f.getFileName().toString(), f, true));
                names.add(f.getFileName().toString());
            });
        }
        Path archive = work.resolve(name + ".tar.gz");
        long start = System.nanoTime();
        String sha256 = DeterministicArchiver.writeTarGz(archive, name, members, EPOCH);
        long packaged = System.nanoTime();
        long verified;
        // As a build stages (ArtifactStaging): the upload runs while the archive is verified.
        try (Uploads upload = store.startUploads(
                List.of(new Uploads.File("bench/ours/" + name + ".tar.gz", archive, sha256, false)))) {
            ArchiveVerifier.verify(archive, ArchiveFormat.TAR_GZ, name, names, names.get(0));
            verified = System.nanoTime();
            upload.await(0);
        }
        long end = System.nanoTime();
        System.err.printf(
                Locale.ROOT,
                "B1 %s ours: package+digest %.0f ms, verify (upload running) %.0f ms, rest of upload %.0f ms%n",
                name,
                (packaged - start) / 1e6,
                (verified - packaged) / 1e6,
                (end - verified) / 1e6);
        return (end - start) / 1e6;
    }

    private static double baseline(Map<String, String> env, Path work, Path folder, String name) throws Exception {
        Path archive = work.resolve(name + "-base.tar.gz");
        String script = String.format(
                Locale.ROOT,
                "export AWS_ACCESS_KEY_ID='%s' AWS_SECRET_ACCESS_KEY='%s' AWS_DEFAULT_REGION=us-east-1;"
                        + " tar --sort=name --mtime=@%d --owner=0 --group=0 --numeric-owner -C '%s' -c . | gzip -n > '%s'"
                        + " && sha256sum '%s' >&2"
                        + " && aws s3 cp --only-show-errors --endpoint-url '%s' '%s' 's3://%s/bench/baseline/%s.tar.gz'",
                env.get("AWS_ACCESS_KEY_ID"),
                env.get("AWS_SECRET_ACCESS_KEY"),
                EPOCH,
                folder,
                archive,
                archive,
                env.get("AWS_ENDPOINT_URL_S3"),
                archive,
                env.get("FUSE_RELEASE_BUCKET"),
                name);
        return BenchSupport.timedShell(work, script);
    }

    /**
     * Deterministic content that compresses about as well as a binary (2 to 3x): 64-byte chunks,
     * half repeating an earlier chunk with one byte changed, half drawn from a small alphabet.
     */
    static void synthetic(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 64) {
                    if (i >= 32768 && random.nextBoolean()) {
                        System.arraycopy(block, i - 64 * (1 + random.nextInt(500)), block, i, 64);
                        block[i + random.nextInt(64)] ^= (byte) random.nextInt(256);
                    } else {
                        for (int j = 0; j < 64; j++) block[i + j] = (byte) (32 + random.nextInt(64));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    /** Both sides read the set from the page cache: read it once before each. */
    private static void dropCaches(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                try (var in = Files.newInputStream(f)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
    }
}
