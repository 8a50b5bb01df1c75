package dev.fuse.release.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The embedded S3 key pair: generated once per data directory and kept there (mode 0600), so
 * restarting the stack keeps the same credentials and the same data.
 */
public record DevCredentials(String accessKey, String secretKey) {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET_CHARS = ALPHANUMERIC + "abcdefghijklmnopqrstuvwxyz";

    public static DevCredentials loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve("credentials.properties");
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            }
            return new DevCredentials(props.getProperty("accessKey"), props.getProperty("secretKey"));
        }
        SecureRandom random = new SecureRandom();
        DevCredentials created =
                new DevCredentials("FUSE" + random(random, ALPHANUMERIC, 16), random(random, SECRET_CHARS, 40));
        props.setProperty("accessKey", created.accessKey());
        props.setProperty("secretKey", created.secretKey());
        Files.createDirectories(dataDir);
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, "embedded S3 credentials of this data directory");
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps the directory's default permissions.
        }
        return created;
    }

    private static String random(SecureRandom random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }
}
