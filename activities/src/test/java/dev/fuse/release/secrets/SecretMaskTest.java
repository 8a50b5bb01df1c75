package dev.fuse.release.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every secret the worker holds is masked wherever it would be written for others to read. */
class SecretMaskTest {
    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        SecretMask.forgetAllForTests();
    }

    @Test
    void aRegisteredValueIsMaskedInText() {
        SecretMask.register("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        assertThat(SecretMask.mask("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"))
                .isEqualTo("AWS_SECRET_ACCESS_KEY=***\n");
    }

    @Test
    void shortValuesAreNotMaskedSoOrdinaryWordsSurvive() {
        SecretMask.register("true");

        assertThat(SecretMask.mask("it is true")).isEqualTo("it is true");
    }

    @Test
    void everyLineOfAKeyFileIsMaskedButItsArmourStaysReadable() throws Exception {
        Path key = Files.writeString(
                dir.resolve("release-key"),
                "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                        + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                        + "QyNTUxOQAAACBh0NnGBYcGxe9kVu4wXK+pJ3Hj9eBnkYsvZrDLNd1oAAAAJiXq9vOl6vb\n"
                        + "-----END OPENSSH PRIVATE KEY-----\n");
        SecretMask.registerFile(key);

        String headTwo = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n";
        assertThat(SecretMask.mask(headTwo)).isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----\n***\n");
        assertThat(SecretMask.mask("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
                        + "QyNTUxOQAAACBh0NnGBYcGxe9kVu4wXK+pJ3Hj9eBnkYsvZrDLNd1oAAAAJiXq9vOl6vb"))
                .isEqualTo("***");
    }

    @Test
    void aLogFileIsMaskedInPlaceKeepingBytesThatAreNotText() throws Exception {
        SecretMask.register("s3cr3t-value-0123");
        Path log = dir.resolve("step.log");
        byte[] bytes = "before \u00ff s3cr3t-value-0123 after\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(log, bytes);

        SecretMask.maskFile(log);

        assertThat(Files.readAllBytes(log))
                .isEqualTo("before \u00ff *** after\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theWorkersCredentialsAndTheFilesItsSettingsNameAreRegistered() throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "PRIVATE-KEY-BODY-LINE-1234\n");
        WorkerSecrets.registerFrom(Map.of(
                "AWS_SECRET_ACCESS_KEY", "the-s3-secret-value",
                "TEMPORAL_API_KEY", "the-temporal-api-key",
                "FUSE_RELEASE_SIGNING_KEY", key.toString(),
                "AWS_REGION", "us-east-1"));

        assertThat(SecretMask.mask("the-s3-secret-value the-temporal-api-key PRIVATE-KEY-BODY-LINE-1234 us-east-1"))
                .isEqualTo("*** *** *** us-east-1");
    }
}
