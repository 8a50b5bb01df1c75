package dev.fuse.release.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} over AWS SDK v2: AWS S3, MinIO or S3Proxy, chosen by {@link StoreConfig}.
 * Every upload sends {@code x-amz-checksum-sha256}, so the store rejects bytes damaged in transit,
 * and records the digest as {@code x-amz-meta-sha256}; files from {@link UploadTuning#multipartThreshold()}
 * up go as a {@link MultipartUpload}. Every SDK error becomes a
 * {@link StoreException} whose message says what to do.
 */
public final class S3ObjectStore implements ObjectStore {
    public static final String SHA256_META = "sha256";

    private final S3Client s3;
    private final StoreConfig config;
    private final ExecutorService partThreads;
    private final MultipartUpload multipart;

    public S3ObjectStore(StoreConfig config) {
        this.config = config;
        S3ClientBuilder builder =
                S3Client.builder().region(Region.of(config.region())).forcePathStyle(config.pathStyle());
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        S3Trust.configure(builder, config);
        builder.credentialsProvider(
                config.accessKey() != null
                        ? StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(config.accessKey(), config.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        this.s3 = builder.build();
        int parallelParts = config.uploads().parallelParts();
        this.partThreads = Executors.newFixedThreadPool(parallelParts, S3ObjectStore::partThread);
        this.multipart = new MultipartUpload(s3, partThreads, new Semaphore(parallelParts));
    }

    private static Thread partThread(Runnable task) {
        Thread thread = new Thread(task, "s3-upload-part");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public String bucket() {
        return config.bucket();
    }

    @Override
    public String describe() {
        return config.describe();
    }

    @Override
    public void checkAccess() {
        call("reach bucket " + bucket(), () -> s3.headBucket(b -> b.bucket(bucket())));
    }

    @Override
    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket()));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw S3Errors.translate("reach bucket " + bucket(), config, e);
            }
            call("create bucket " + bucket(), () -> s3.createBucket(b -> b.bucket(bucket())));
        } catch (SdkClientException e) {
            throw S3Errors.translate("reach bucket " + bucket(), config, e);
        }
    }

    @Override
    public void put(String key, Body body, String sha256, String contentType, Precondition precondition) {
        Timer.Sample sample = Timer.start(Metrics.globalRegistry);
        upload(key, body, sha256, contentType, precondition);
        // Recorded only for writes that happened: by area (staging = staged, releases = published).
        String area = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
        sample.stop(Metrics.timer("fuse_release_upload", "area", area));
        Counter.builder("fuse_release_written")
                .baseUnit(BaseUnits.BYTES)
                .tag("area", area)
                .register(Metrics.globalRegistry)
                .increment(body.size());
    }

    private void upload(String key, Body body, String sha256, String contentType, Precondition precondition) {
        UploadTuning tuning = config.uploads();
        if (body.file() != null && body.size() >= tuning.multipartThreshold()) {
            MultipartUpload.Request request = new MultipartUpload.Request(
                    bucket(),
                    key,
                    body.file(),
                    body.size(),
                    tuning.partSizeFor(body.size()),
                    sha256,
                    contentType,
                    precondition);
            call("write " + key, () -> {
                multipart.send(request);
                return null;
            });
            return;
        }
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(bucket())
                .key(key)
                .contentLength(body.size())
                .contentType(contentType)
                .checksumSHA256(
                        Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)))
                .metadata(Map.of(SHA256_META, sha256));
        if (precondition.absent()) request.ifNoneMatch("*");
        if (precondition.etag() != null) request.ifMatch(precondition.etag());
        RequestBody requestBody =
                body.bytes() != null ? RequestBody.fromBytes(body.bytes()) : RequestBody.fromFile(body.file());
        call("write " + key, () -> s3.putObject(request.build(), requestBody));
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        try {
            HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket()).key(key));
            return Optional.of(
                    new ObjectInfo(key, r.contentLength(), r.metadata().get(SHA256_META), r.eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw S3Errors.translate("read " + key, config, e);
        } catch (SdkClientException e) {
            throw S3Errors.translate("read " + key, config, e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket()).key(key));
        } catch (NoSuchKeyException e) {
            throw new StoreException(
                    StoreException.Kind.NOT_FOUND, "s3://" + bucket() + "/" + key + " does not exist", e);
        } catch (S3Exception | SdkClientException e) {
            throw S3Errors.translate("read " + key, config, e);
        }
    }

    @Override
    public List<String> listKeys(String prefix) {
        List<String> keys = new ArrayList<>();
        ListObjectsV2Request request =
                ListObjectsV2Request.builder().bucket(bucket()).prefix(prefix).build();
        call("list " + prefix, () -> {
            for (var page : s3.listObjectsV2Paginator(request)) {
                for (S3Object o : page.contents()) keys.add(o.key());
            }
            return null;
        });
        return keys;
    }

    @Override
    public List<String> listFolders(String prefix) {
        List<String> folders = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(bucket())
                .prefix(prefix)
                .delimiter("/")
                .build();
        call("list " + prefix, () -> {
            for (var page : s3.listObjectsV2Paginator(request)) {
                for (CommonPrefix p : page.commonPrefixes()) folders.add(p.prefix());
            }
            return null;
        });
        return folders;
    }

    /**
     * Deletes a scratch object ({@code doctor}'s write-once probe). Not part of {@link ObjectStore}:
     * the pipeline itself never deletes anything.
     */
    public void deleteScratch(String key) {
        call("delete " + key, () -> s3.deleteObject(b -> b.bucket(bucket()).key(key)));
    }

    /** The store's clock, from the Date header of a bucket request, for a skew check. */
    public Optional<Instant> serverTime() {
        HeadBucketResponse r = call("reach bucket " + bucket(), () -> s3.headBucket(b -> b.bucket(bucket())));
        return r.sdkHttpResponse()
                .firstMatchingHeader("Date")
                .map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (S3Exception | SdkClientException e) {
            throw S3Errors.translate(what, config, e);
        }
    }

    @Override
    public void close() {
        partThreads.shutdownNow();
        s3.close();
    }
}
