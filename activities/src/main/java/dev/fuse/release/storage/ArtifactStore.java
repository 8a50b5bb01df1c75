package dev.fuse.release.storage;

import dev.fuse.release.metadata.Sha256;
import dev.fuse.release.model.ArtifactRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket as the pipeline sees it. Every object carries its SHA-256 as user metadata
 * ({@code x-amz-meta-sha256}) because S3-compatible stores do not all keep checksums, and every
 * upload sends {@code x-amz-checksum-sha256} so the store rejects bytes damaged in transit.
 */
public final class ArtifactStore implements AutoCloseable {
  public static final String SHA256_META = "sha256";

  private final S3Client s3;
  private final String bucket;
  private final StoreConfig config;

  public ArtifactStore(StoreConfig config) {
    this.config = config;
    this.bucket = config.bucket();
    S3ClientBuilder builder =
        S3Client.builder().region(Region.of(config.region())).forcePathStyle(config.pathStyle());
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    builder.credentialsProvider(
        config.accessKey() != null
            ? StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()))
            : DefaultCredentialsProvider.builder().build());
    this.s3 = builder.build();
  }

  public String bucket() {
    return bucket;
  }

  public StoreConfig config() {
    return config;
  }

  /** Fails with a specific message when the store is unreachable, refuses us, or lacks the bucket. */
  public void checkAccess() {
    call("reach bucket " + bucket, () -> s3.headBucket(b -> b.bucket(bucket)));
  }

  /** Creates the bucket unless it exists (embedded stack and tests). */
  public void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw translate("reach bucket " + bucket, e);
      }
      call("create bucket " + bucket, () -> s3.createBucket(b -> b.bucket(bucket)));
    } catch (SdkClientException e) {
      throw translate("reach bucket " + bucket, e);
    }
  }

  public ArtifactRef putFile(String key, Path file) throws IOException {
    return put(key, file, false);
  }

  /**
   * Write-once upload ({@code If-None-Match: *}). If the key already holds the same bytes the
   * call succeeds, which makes retries idempotent; different bytes are a conflict.
   */
  public ArtifactRef putFileIfAbsent(String key, Path file) throws IOException {
    return put(key, file, true);
  }

  public ArtifactRef putBytes(String key, byte[] bytes, String contentType) {
    String sha = Sha256.of(bytes);
    PutObjectRequest request = request(key, sha, bytes.length).contentType(contentType).build();
    call("write " + key, () -> s3.putObject(request, RequestBody.fromBytes(bytes)));
    return new ArtifactRef(bucket, key, sha, bytes.length);
  }

  public ArtifactRef putBytesIfAbsent(String key, byte[] bytes, String contentType) {
    String sha = Sha256.of(bytes);
    PutObjectRequest request = request(key, sha, bytes.length).contentType(contentType).ifNoneMatch("*").build();
    try {
      s3.putObject(request, RequestBody.fromBytes(bytes));
    } catch (S3Exception e) {
      if (e.statusCode() != 412) throw translate("write " + key, e);
      return sameOrConflict(key, sha, bytes.length);
    } catch (SdkClientException e) {
      throw translate("write " + key, e);
    }
    return new ArtifactRef(bucket, key, sha, bytes.length);
  }

  /** Replaces an object only if it still has {@code etag} (or does not exist when null). */
  public void putBytesIfUnchanged(String key, byte[] bytes, String contentType, String etag) {
    String sha = Sha256.of(bytes);
    PutObjectRequest.Builder request = request(key, sha, bytes.length).contentType(contentType);
    if (etag == null) {
      request.ifNoneMatch("*");
    } else {
      request.ifMatch(etag);
    }
    call("update " + key, () -> s3.putObject(request.build(), RequestBody.fromBytes(bytes)));
  }

  private ArtifactRef put(String key, Path file, boolean writeOnce) throws IOException {
    String sha = Sha256.of(file);
    long size = Files.size(file);
    PutObjectRequest.Builder request = request(key, sha, size).contentType(contentTypeOf(key));
    if (writeOnce) {
      request.ifNoneMatch("*");
    }
    try {
      s3.putObject(request.build(), RequestBody.fromFile(file));
    } catch (S3Exception e) {
      if (writeOnce && e.statusCode() == 412) {
        return sameOrConflict(key, sha, size);
      }
      throw translate("upload " + key, e);
    } catch (SdkClientException e) {
      throw translate("upload " + key, e);
    }
    return new ArtifactRef(bucket, key, sha, size);
  }

  private ArtifactRef sameOrConflict(String key, String sha, long size) {
    Optional<ObjectInfo> existing = head(key);
    if (existing.isPresent() && sha.equals(existing.get().sha256()) && existing.get().size() == size) {
      return new ArtifactRef(bucket, key, sha, size);
    }
    throw new StoreException(
        StoreException.Kind.CONFLICT,
        "s3://" + bucket + "/" + key + " already exists with other content (sha256 "
            + existing.map(ObjectInfo::sha256).orElse("unknown") + "); published objects are never overwritten",
        null);
  }

  private PutObjectRequest.Builder request(String key, String sha, long size) {
    byte[] raw = HexFormat.of().parseHex(sha);
    return PutObjectRequest.builder()
        .bucket(bucket)
        .key(key)
        .contentLength(size)
        .checksumSHA256(Base64.getEncoder().encodeToString(raw))
        .metadata(Map.of(SHA256_META, sha));
  }

  /** Size, recorded digest and ETag of an object, if it exists. */
  public record ObjectInfo(String key, long size, String sha256, String etag) {}

  public Optional<ObjectInfo> head(String key) {
    try {
      HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(key));
      return Optional.of(new ObjectInfo(key, r.contentLength(), r.metadata().get(SHA256_META), r.eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) return Optional.empty();
      throw translate("read " + key, e);
    } catch (SdkClientException e) {
      throw translate("read " + key, e);
    }
  }

  public boolean exists(String key) {
    return head(key).isPresent();
  }

  /** Downloads an object and checks it against the reference's digest and size. */
  public void download(ArtifactRef ref, Path dest) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    long size;
    try (InputStream in = new DigestInputStream(open(ref.key()), digest);
        OutputStream out = Files.newOutputStream(dest)) {
      size = in.transferTo(out);
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(ref.sha256()) || size != ref.size()) {
      throw new StoreException(
          StoreException.Kind.DIGEST_MISMATCH,
          "s3://" + bucket + "/" + ref.key() + " holds sha256 " + actual + " (" + size + " bytes), expected "
              + ref.sha256() + " (" + ref.size() + " bytes)",
          null);
    }
  }

  public byte[] getBytes(String key) {
    try (InputStream in = open(key)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new StoreException(StoreException.Kind.OTHER, "cannot read " + key + ": " + e.getMessage(), e);
    }
  }

  private InputStream open(String key) {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, "s3://" + bucket + "/" + key + " does not exist", e);
    } catch (S3Exception | SdkClientException e) {
      throw translate("read " + key, e);
    }
  }

  /** All keys under a prefix, in the store's (byte) order. */
  public List<String> listKeys(String prefix) {
    List<String> keys = new ArrayList<>();
    ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
    call("list " + prefix, () -> {
      for (var page : s3.listObjectsV2Paginator(request)) {
        for (S3Object o : page.contents()) keys.add(o.key());
      }
      return null;
    });
    return keys;
  }

  /** Immediate "folders" under a prefix, e.g. the versions under {@code releases/}. */
  public List<String> listFolders(String prefix) {
    List<String> folders = new ArrayList<>();
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/").build();
    call("list " + prefix, () -> {
      for (var page : s3.listObjectsV2Paginator(request)) {
        for (CommonPrefix p : page.commonPrefixes()) folders.add(p.prefix());
      }
      return null;
    });
    return folders;
  }

  private static String contentTypeOf(String key) {
    if (key.endsWith(".json")) return "application/json";
    if (key.endsWith(".log") || key.endsWith("SHA256SUMS")) return "text/plain; charset=utf-8";
    if (key.endsWith(".tar.gz")) return "application/gzip";
    if (key.endsWith(".zip") || key.endsWith(".vsix")) return "application/zip";
    return "application/octet-stream";
  }

  private <T> T call(String what, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (S3Exception | SdkClientException e) {
      throw translate(what, e);
    }
  }

  private StoreException translate(String what, RuntimeException e) {
    String where = config.describe();
    if (e instanceof S3Exception s3e) {
      int status = s3e.statusCode();
      String code = s3e.awsErrorDetails() == null ? "" : String.valueOf(s3e.awsErrorDetails().errorCode());
      if (status == 403 || code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch")) {
        return new StoreException(StoreException.Kind.ACCESS_DENIED,
            "cannot " + what + " at " + where + ": access denied (" + code
                + "); check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY", e);
      }
      if (status == 404 && (code.equals("NoSuchBucket") || what.startsWith("reach bucket"))) {
        return new StoreException(StoreException.Kind.NO_BUCKET,
            "bucket " + bucket + " does not exist at " + where + "; create it or set FUSE_RELEASE_BUCKET", e);
      }
      if (status == 412) {
        return new StoreException(StoreException.Kind.CONFLICT,
            "cannot " + what + ": the object changed or already exists (precondition failed)", e);
      }
      return new StoreException(StoreException.Kind.OTHER, "cannot " + what + " at " + where + ": " + status + " " + code, e);
    }
    if (String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
      return new StoreException(StoreException.Kind.ACCESS_DENIED,
          "cannot " + what + " at " + where + ": no S3 credentials found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
              + " or configure an AWS profile (AWS_PROFILE) or instance role", e);
    }
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    if (root instanceof ConnectException || root instanceof java.net.UnknownHostException
        || root instanceof java.net.SocketTimeoutException) {
      return new StoreException(StoreException.Kind.UNREACHABLE,
          "cannot " + what + ": S3 endpoint " + where + " is unreachable (" + root.getClass().getSimpleName()
              + "); start it (./fuse-release dev) or set AWS_ENDPOINT_URL_S3", e);
    }
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return new StoreException(StoreException.Kind.OTHER, "cannot " + what + " at " + where + ": "
        + (message.length() > 300 ? message.substring(0, 300) + "..." : message), e);
  }

  @Override
  public void close() {
    s3.close();
  }
}
