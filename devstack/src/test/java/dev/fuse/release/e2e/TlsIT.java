package dev.fuse.release.e2e;

import static dev.fuse.release.e2e.WorkerProcesses.awaitPhase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.devstack.DevStack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production connection settings, proven on loopback with a private CA made here: Temporal
 * behind a TLS front that requires a client certificate (mTLS, ALPN h2) and an API key, and S3
 * over HTTPS with the CA from {@code AWS_CA_BUNDLE}. A worker process releases the example through
 * both, and each refused handshake (a CA not trusted, an expired server certificate, no client
 * certificate) is one line and exit 4, from {@code doctor} and from the commands.
 */
class TlsIT {
    static final String API_KEY = "tls-it-api-key-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static DevStack stack;
    static PrivateCa ca;
    static PrivateCa stranger;
    static TlsTemporalFront front;
    static TlsTemporalFront expiredFront;
    static S3Proxy https;
    static Map<String, String> env;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(data.resolve("stack"), null, 0, 0, null, false);
        Path certs = data.resolve("certs");
        ca = PrivateCa.create(certs, "fuse");
        stranger = PrivateCa.create(certs, "stranger");
        String temporal = stack.env().get("TEMPORAL_ADDRESS");
        front = TlsTemporalFront.start(ca.server("temporal"), ca, API_KEY, temporal);
        expiredFront = TlsTemporalFront.start(ca.expiredServer("temporal-expired"), ca, API_KEY, temporal);
        PrivateCa.Issued client = ca.client("release-manager");
        https = httpsS3(ca.keyStore(ca.server("s3"), "changeit"));
        env = CliRun.envOf(stack);
        // doctor checks the tools on the PATH a command gets
        env.put("PATH", System.getenv("PATH"));
        env.put("TEMPORAL_ADDRESS", front.address());
        env.put("TEMPORAL_TLS_SERVER_CA_CERT_PATH", ca.certificatePath().toString());
        env.put("TEMPORAL_TLS_CLIENT_CERT_PATH", client.certificate().toString());
        env.put("TEMPORAL_TLS_CLIENT_KEY_PATH", client.key().toString());
        env.put("TEMPORAL_API_KEY", API_KEY);
        env.put("AWS_ENDPOINT_URL_S3", "https://127.0.0.1:" + https.getSecurePort());
        env.put("AWS_CA_BUNDLE", ca.certificatePath().toString());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (https != null) https.stop();
        if (front != null) front.close();
        if (expiredFront != null) expiredFront.close();
        if (stack != null) stack.close();
    }

    @Test
    void aWorkerReleasesTheExampleOverMutualTlsAnApiKeyAndHttps() throws Exception {
        CliRun doctor = CliRun.run(env, "doctor", "--role", "cli");
        assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
        assertThat(doctor.out()).contains(front.address() + ", namespace default exists (TLS)");
        assertThat(doctor.out()).contains("https://127.0.0.1:" + https.getSecurePort());

        Path repo = data.resolve("repo");
        ExampleVariants.prepare(repo, tree -> {});
        try (WorkerProcesses workers = new WorkerProcesses(data, env, stack.signingKey())) {
            Map<String, String> all = workers.withKey(workers.linux("work", Map.of()));
            all.put("FUSE_RELEASE_ORCHESTRATOR", "true");
            workers.start("tls-worker", all);
            workers.awaitLog("tls-worker", "worker polling", Duration.ofMinutes(1));

            CliRun started = CliRun.startLinuxX64(env, "0.19.0", repo);
            assertThat(started.exitCode()).as(started.toString()).isZero();
            awaitPhase(env, "0.19.0", "AWAITING_APPROVAL", Duration.ofMinutes(3));
            CliRun approved = CliRun.run(env, "approve", "0.19.0", "--approver", "alice", "--comment", "over TLS");
            assertThat(approved.exitCode()).as(approved.toString()).isZero();
            awaitPhase(env, "0.19.0", "PUBLISHED", Duration.ofMinutes(2));
            CliRun verified = CliRun.run(env, "verify", "0.19.0");
            assertThat(verified.exitCode()).as(verified.toString()).isZero();
            assertThat(Files.readString(data.resolve("tls-worker.log"))).doesNotContain(API_KEY);
        }
    }

    @Test
    void anUntrustedCaAnExpiredCertificateAndAMissingClientCertificateAreRefusedInOneLineWithExit4() throws Exception {
        assertRefused(
                with(
                        "TEMPORAL_TLS_SERVER_CA_CERT_PATH",
                        stranger.certificatePath().toString()),
                "TLS handshake with Temporal at " + front.address() + " failed: the server's certificate is not"
                        + " signed by a trusted CA; set TEMPORAL_TLS_SERVER_CA_CERT_PATH");
        assertRefused(
                with("TEMPORAL_ADDRESS", expiredFront.address()),
                "TLS handshake with Temporal at " + expiredFront.address() + " failed: a certificate of the handshake"
                        + " has expired");
        Map<String, String> noClientCertificate = new HashMap<>(env);
        noClientCertificate.remove("TEMPORAL_TLS_CLIENT_CERT_PATH");
        noClientCertificate.remove("TEMPORAL_TLS_CLIENT_KEY_PATH");
        assertRefused(
                noClientCertificate,
                "TLS handshake with Temporal at " + front.address() + " failed: the server requires a client"
                        + " certificate");
        CliRun wrongKey = CliRun.run(with("TEMPORAL_API_KEY", "not-the-key-0123456789"), "list");
        assertThat(wrongKey.exitCode()).as(wrongKey.toString()).isEqualTo(4);
        assertThat(wrongKey.err())
                .contains("refused this client's credentials: UNAUTHENTICATED")
                .contains("check TEMPORAL_API_KEY")
                .doesNotContain("not-the-key-0123456789");
        CliRun s3 = CliRun.run(with("AWS_CA_BUNDLE", stranger.certificatePath().toString()), "verify", "0.0.1");
        assertThat(s3.exitCode()).as(s3.toString()).isEqualTo(4);
        assertThat(s3.err().strip())
                .as(s3.toString())
                .doesNotContain("\n")
                .contains("TLS handshake with S3 endpoint " + "https://127.0.0.1:" + https.getSecurePort())
                .contains("is not signed by a trusted CA; set AWS_CA_BUNDLE");
        CliRun doctor =
                CliRun.run(with("AWS_CA_BUNDLE", stranger.certificatePath().toString()), "doctor");
        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(4);
        assertThat(doctor.out()).contains("not signed by a trusted CA");
    }

    /** {@code list}, {@code status} and {@code doctor} each refuse in one line, exit 4, also as JSON. */
    private static void assertRefused(Map<String, String> vars, String message) throws Exception {
        for (String[] command : new String[][] {{"list"}, {"status", "0.19.0"}}) {
            CliRun run = CliRun.run(vars, command);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
            assertThat(run.err().strip())
                    .as(run.toString())
                    .doesNotContain("\n")
                    .contains(message);
            CliRun json = CliRun.run(vars, append(command, "--output", "json"));
            assertThat(json.exitCode()).as(json.toString()).isEqualTo(4);
            assertThat(JSON.readTree(json.out()).path("error").path("message").asText())
                    .contains(message);
        }
        CliRun doctor = CliRun.run(vars, "doctor", "--role", "cli");
        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(4);
        // doctor puts the fix on a line of its own
        assertThat(doctor.out())
                .contains(message.substring(message.indexOf("failed: ") + 8).split("; ")[0]);
        assertThat(doctor.out() + doctor.err()).doesNotContain(API_KEY);
    }

    private static String[] append(String[] command, String... more) {
        String[] all = new String[command.length + more.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(more, 0, all, command.length, more.length);
        return all;
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> vars = new HashMap<>(env);
        vars.put(name, value);
        return vars;
    }

    /** A second S3Proxy over the dev stack's own files, on HTTPS only, with a certificate of the private CA. */
    private static S3Proxy httpsS3(Path keyStore) throws Exception {
        int port = Ports.free();
        Path files = stack.objectPath("x").getParent().getParent();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(files.toString()))
                .secureEndpoint(URI.create("https://127.0.0.1:" + port))
                .keyStore(keyStore.toString(), "changeit")
                .awsAuthentication(
                        AuthenticationType.AWS_V2_OR_V4,
                        stack.env().get("AWS_ACCESS_KEY_ID"),
                        stack.env().get("AWS_SECRET_ACCESS_KEY"))
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        Await.until(
                "S3Proxy over HTTPS to start",
                Duration.ofSeconds(10),
                () -> "STARTED".equals(proxy.getState()) ? true : null);
        return proxy;
    }
}
