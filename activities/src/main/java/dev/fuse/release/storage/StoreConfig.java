package dev.fuse.release.storage;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where artifacts are stored. Read from the standard AWS variables so that the embedded S3Proxy,
 * MinIO and AWS S3 differ by configuration only.
 *
 * @param endpoint {@code AWS_ENDPOINT_URL_S3} (or {@code AWS_ENDPOINT_URL}); null means AWS
 * @param accessKey null means the SDK's default credential chain (profiles, SSO, IMDS)
 * @param caBundle {@code AWS_CA_BUNDLE}: PEM certificates to trust for an HTTPS endpoint instead
 *     of the JVM's (a private CA in front of MinIO); null for the JVM's
 */
public record StoreConfig(
        URI endpoint,
        String region,
        String bucket,
        String accessKey,
        String secretKey,
        boolean pathStyle,
        UploadTuning uploads,
        Path caBundle) {

    public static final String DEFAULT_BUCKET = "fuse-releases";

    public static StoreConfig fromEnvironment(Map<String, String> env) {
        List<String> errors = new ArrayList<>();
        String endpointText = firstNonBlank(env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"));
        URI endpoint = null;
        if (endpointText != null) {
            try {
                endpoint = URI.create(endpointText);
                if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                    errors.add("AWS_ENDPOINT_URL_S3 '" + endpointText
                            + "' must be an absolute URL such as http://127.0.0.1:9000");
                }
            } catch (IllegalArgumentException e) {
                errors.add("AWS_ENDPOINT_URL_S3 '" + endpointText + "' is not a URL: " + e.getMessage());
            }
        }
        String region = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1");
        String bucket = firstNonBlank(env.get("FUSE_RELEASE_BUCKET"), DEFAULT_BUCKET);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            errors.add("FUSE_RELEASE_BUCKET '" + bucket + "' is not a valid S3 bucket name");
        }
        String accessKey = env.get("AWS_ACCESS_KEY_ID");
        String secretKey = env.get("AWS_SECRET_ACCESS_KEY");
        if ((accessKey == null) != (secretKey == null)) {
            errors.add("set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither");
        }
        String pathStyleText = env.get("FUSE_RELEASE_S3_PATH_STYLE");
        boolean pathStyle = pathStyleText == null ? endpoint != null : Boolean.parseBoolean(pathStyleText);
        UploadTuning uploads = UploadTuning.fromEnvironment(env, errors);
        Path caBundle = caBundle(env.get("AWS_CA_BUNDLE"), errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new StoreConfig(endpoint, region, bucket, accessKey, secretKey, pathStyle, uploads, caBundle);
    }

    /** The bundle must be a readable file; its certificates are read (and refused) when the client is made. */
    private static Path caBundle(String text, List<String> errors) {
        if (text == null || text.isBlank()) return null;
        Path bundle = Path.of(text);
        if (!Files.isRegularFile(bundle) || !Files.isReadable(bundle)) {
            errors.add("AWS_CA_BUNDLE '" + text + "' is not a readable file; point it at the PEM certificates of the"
                    + " CA that signed the S3 endpoint's certificate, or unset it to trust the JVM's CAs");
            return null;
        }
        return bundle;
    }

    /** The variables another process needs to reach the same store. */
    public Map<String, String> toEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (endpoint != null) env.put("AWS_ENDPOINT_URL_S3", endpoint.toString());
        env.put("AWS_REGION", region);
        if (accessKey != null) {
            env.put("AWS_ACCESS_KEY_ID", accessKey);
            env.put("AWS_SECRET_ACCESS_KEY", secretKey);
        }
        env.put("FUSE_RELEASE_BUCKET", bucket);
        if (caBundle != null) env.put("AWS_CA_BUNDLE", caBundle.toString());
        return env;
    }

    public String describe() {
        return (endpoint == null ? "AWS S3" : endpoint.toString()) + ", bucket " + bucket;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }
}
