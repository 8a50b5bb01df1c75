package dev.fuse.release.doctor;

import dev.fuse.release.storage.ObjectStore.Body;
import dev.fuse.release.storage.ObjectStore.Precondition;
import dev.fuse.release.storage.S3ObjectStore;
import dev.fuse.release.storage.StoreConfig;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The bucket: there, reachable with these credentials, honouring write-once writes, on time. */
final class StoreChecks {
    static final String BUCKET = "bucket";
    static final String WRITE_ONCE = "write-once";
    static final String SETTINGS = "store settings";
    static final String CLOCK = "clock";
    static final String RELEASES = "releases/";
    /** SigV4 requests are refused at 15 minutes of skew; timestamps in evidence drift well before. */
    static final Duration SKEW_WARN = Duration.ofSeconds(30);

    static final Duration SKEW_FAIL = Duration.ofMinutes(5);

    private StoreChecks() {}

    /** The bucket could not be reached or used at all (invalid settings are reported as such). */
    static boolean unreachable(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.check().equals(BUCKET) && f.status() == Finding.Status.FAIL);
    }

    /** The store, or null after adding the findings that say why not. */
    static S3ObjectStore open(Map<String, String> env, List<Finding> findings) {
        S3ObjectStore store;
        try {
            store = new S3ObjectStore(StoreConfig.fromEnvironment(env));
        } catch (IllegalArgumentException e) {
            findings.add(Messages.failure(SETTINGS, e.getMessage()));
            findings.add(Finding.skip(BUCKET, "the store settings are invalid"));
            return null;
        }
        try {
            store.checkAccess();
            findings.add(Finding.ok(BUCKET, store.describe() + " reachable"));
            return store;
        } catch (StoreException e) {
            findings.add(Messages.failure(BUCKET, e.getMessage()));
            store.close();
            return null;
        }
    }

    /**
     * Writes a scratch object under the staging prefix with If-None-Match twice: the second write
     * must be refused, or a second run could overwrite what the first staged or published.
     */
    static Finding writeOnce(S3ObjectStore store) {
        String key = "staging/.doctor/" + UUID.randomUUID() + ".probe";
        byte[] bytes =
                ("fuse-release doctor write-once probe " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
        String sha256 = Sha256.of(bytes);
        try {
            store.put(key, Body.of(bytes), sha256, "text/plain", Precondition.ABSENT);
        } catch (StoreException e) {
            return Messages.failure(WRITE_ONCE, "cannot write under staging/: " + e.getMessage());
        }
        Finding verdict = secondWrite(store, key, bytes, sha256);
        try {
            store.deleteScratch(key);
        } catch (StoreException e) {
            return verdict.status() == Finding.Status.OK
                    ? Finding.warn(
                            WRITE_ONCE,
                            "honoured, but the probe object " + key + " could not be deleted",
                            "delete it by hand, or allow s3:DeleteObject on staging/.doctor/")
                    : verdict;
        }
        return verdict;
    }

    private static Finding secondWrite(S3ObjectStore store, String key, byte[] bytes, String sha256) {
        try {
            store.put(key, Body.of(bytes), sha256, "text/plain", Precondition.ABSENT);
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.CONFLICT) {
                return Finding.ok(WRITE_ONCE, "a second If-None-Match: * write of one key was refused");
            }
            return Messages.failure(WRITE_ONCE, "the second probe write failed otherwise: " + e.getMessage());
        }
        return Finding.fail(
                WRITE_ONCE,
                "the store ignores If-None-Match: a second write of one key succeeded, so nothing stops a"
                        + " published object from being overwritten",
                "use a store that honours conditional writes (AWS S3, MinIO, S3Proxy's filesystem backend)");
    }

    /** Release managers only read: the published releases must be listable. */
    static Finding readable(S3ObjectStore store) {
        try {
            int published = store.listFolders(RELEASES).size();
            return Finding.ok("read", published + " release folder(s) under " + RELEASES);
        } catch (StoreException e) {
            return Messages.failure("read", e.getMessage());
        }
    }

    static Finding clock(S3ObjectStore store) {
        Optional<Instant> server;
        try {
            server = store.serverTime();
        } catch (StoreException e) {
            return Messages.failure(CLOCK, e.getMessage());
        }
        if (server.isEmpty()) return Finding.warn(CLOCK, "the store sent no Date header", null);
        Duration skew = skew(server.get(), Instant.now());
        String detail = skew.isZero()
                ? "this host and the store agree (to the Date header's second)"
                : "this host and the store differ by " + skew.toMillis() / 1000.0 + " s";
        if (skew.compareTo(SKEW_FAIL) > 0) return Finding.fail(CLOCK, detail, "synchronise this host's clock (NTP)");
        if (skew.compareTo(SKEW_WARN) > 0) return Finding.warn(CLOCK, detail, "synchronise this host's clock (NTP)");
        return Finding.ok(CLOCK, detail);
    }

    /** The Date header is cut to the second: the store's clock was somewhere in [date, date + 1 s). */
    static Duration skew(Instant date, Instant now) {
        if (now.isBefore(date)) return Duration.between(now, date);
        Instant end = date.plusSeconds(1);
        return now.isAfter(end) ? Duration.between(end, now) : Duration.ZERO;
    }
}
