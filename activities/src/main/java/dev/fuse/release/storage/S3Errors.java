package dev.fuse.release.storage;

import dev.fuse.release.support.TlsFailures;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What an S3 or SDK failure means for whoever runs the release: each one becomes a
 * {@link StoreException} of a kind callers act on, with a message that says what to fix.
 */
final class S3Errors {
    /** S3 has no client certificates here: a refused handshake is a CA or a certificate problem. */
    private static final TlsFailures.Settings TLS = new TlsFailures.Settings(
            "AWS_CA_BUNDLE", "a client certificate (not supported for S3)", "AWS_ENDPOINT_URL_S3");

    private S3Errors() {}

    static StoreException translate(String what, StoreConfig config, RuntimeException e) {
        String where = config.describe();
        if (e instanceof S3Exception s3e) {
            return translateStatus(what, where, config.bucket(), s3e);
        }
        if (String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
            return new StoreException(
                    StoreException.Kind.ACCESS_DENIED,
                    "cannot " + what + " at " + where
                            + ": no S3 credentials found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
                            + " or configure an AWS profile (AWS_PROFILE) or instance role",
                    e);
        }
        Optional<String> tls = TlsFailures.describe(e, TLS);
        if (tls.isPresent()) {
            return new StoreException(
                    StoreException.Kind.UNREACHABLE,
                    "cannot " + what + ": TLS handshake with S3 endpoint " + where + " failed: " + tls.get(),
                    e);
        }
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        if (root instanceof ConnectException
                || root instanceof UnknownHostException
                || root instanceof SocketTimeoutException) {
            return new StoreException(
                    StoreException.Kind.UNREACHABLE,
                    "cannot " + what + ": S3 endpoint " + where + " is unreachable ("
                            + root.getClass().getSimpleName()
                            + "); start it (./fuse-release dev) or set AWS_ENDPOINT_URL_S3",
                    e);
        }
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return new StoreException(
                StoreException.Kind.OTHER,
                "cannot " + what + " at " + where + ": "
                        + (message.length() > 300 ? message.substring(0, 300) + "..." : message),
                e);
    }

    private static StoreException translateStatus(String what, String where, String bucket, S3Exception e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "HTTP " + status
                : e.awsErrorDetails().errorCode();
        if (status == 403 || code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch")) {
            return new StoreException(
                    StoreException.Kind.ACCESS_DENIED,
                    "cannot " + what + " at " + where + ": access denied (" + code
                            + "); check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY",
                    e);
        }
        if (status == 404 && (code.equals("NoSuchBucket") || what.startsWith("reach bucket"))) {
            return new StoreException(
                    StoreException.Kind.NO_BUCKET,
                    "bucket " + bucket + " does not exist at " + where + "; create it or set FUSE_RELEASE_BUCKET",
                    e);
        }
        // 412: If-None-Match / If-Match failed. 409 ConditionalRequestConflict: AWS lost a race
        // between conditional writers; both mean "look again", which callers do.
        if (status == 412 || status == 409) {
            return new StoreException(
                    StoreException.Kind.CONFLICT,
                    "cannot " + what + ": the object changed or already exists (precondition failed)",
                    e);
        }
        return new StoreException(
                StoreException.Kind.OTHER, "cannot " + what + " at " + where + ": " + status + " " + code, e);
    }
}
