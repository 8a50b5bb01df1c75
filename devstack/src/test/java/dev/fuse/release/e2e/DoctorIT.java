package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.fuse.release.devstack.DevStack;
import io.temporal.testserver.TestServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doctor} against the dev stack, and against each way a deployment can be wrong, one at a
 * time; {@code setup} on a Temporal service that lacks the search attributes.
 */
class DoctorIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static DevStack stack;
    static Map<String, String> env;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(data.resolve("stack"), 0, 0);
        env = CliRun.envOf(stack);
        env.put("FUSE_RELEASE_WORK_DIR", data.resolve("work").toString());
        // The tools check reads the PATH the command was given, as a worker's build steps get it.
        env.put("PATH", System.getenv("PATH"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) stack.close();
    }

    @Test
    void everyRolePassesAgainstTheDevStack() throws Exception {
        for (String role : new String[] {"orchestrator", "signer", "target", "cli"}) {
            Map<String, String> asRole = new HashMap<>(role.equals("signer") ? signer() : env);
            if (role.equals("target")) asRole.put("FUSE_RELEASE_ORCHESTRATOR", "false");
            CliRun doctor = CliRun.run(asRole, "doctor", "--role", role, "--output", "json");
            assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
            assertThat(JSON.readTree(doctor.out()).path("healthy").asBoolean()).isTrue();
        }
        CliRun unknownRole = CliRun.run(env, "doctor", "--role", "builder", "--output", "json");
        assertThat(unknownRole.exitCode()).isEqualTo(2);
        assertThat(JSON.readTree(unknownRole.out())
                        .path("error")
                        .path("message")
                        .asText())
                .isEqualTo("--role 'builder' is not one of orchestrator, signer, target, cli");
        CliRun text = CliRun.run(signer(), "doctor", "--role", "signer");
        assertThat(text.out())
                .contains("ok    write-once")
                .contains("ok    allowed signers")
                .contains("everything holds")
                .doesNotContain(env.get("AWS_SECRET_ACCESS_KEY"));
        CliRun keyedOrchestrator = CliRun.run(signer(), "doctor", "--role", "orchestrator");
        assertThat(keyedOrchestrator.exitCode())
                .as(keyedOrchestrator.toString())
                .isZero();
        assertThat(keyedOrchestrator.out()).contains("warn  worker config").contains("it also holds the release key");
    }

    @Test
    void eachProblemIsNamedWithItsFix() throws Exception {
        assertFails("orchestrator", with("TEMPORAL_ADDRESS", "127.0.0.1:1"), "temporal", "is unreachable");
        assertFails("orchestrator", with("FUSE_RELEASE_BUCKET", "no-such-bucket"), "bucket", "does not exist");
        assertFails("signer", env, "signing key", "FUSE_RELEASE_SIGNING_KEY is not set");
        assertFails("signer", with("FUSE_RELEASE_SIGNING_KEY", data.toString()), "signing key", "cannot read");
        Path other = data.resolve("other-key");
        Process keygen =
                new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()).start();
        assertThat(keygen.waitFor()).isZero();
        assertFails(
                "signer", with("FUSE_RELEASE_SIGNING_KEY", other.toString()), "allowed signers", "is not fuse-release");
        Path policy = Files.writeString(data.resolve("policy.json"), "{\"requiredApprovals\": \"two\"}");
        assertFails("orchestrator", with("FUSE_RELEASE_POLICY", policy.toString()), "approval policy", "whole number");
        Path emptyBin = Files.createDirectories(data.resolve("empty-bin"));
        assertFails("orchestrator", with("PATH", emptyBin.toString()), "tools", "git not found on PATH");
    }

    @Test
    void aStoreThatIgnoresIfNoneMatchFailsTheWriteOnceCheck() throws Exception {
        HttpServer careless = carelessStore();
        try {
            Map<String, String> vars = with(
                    "AWS_ENDPOINT_URL_S3",
                    "http://127.0.0.1:" + careless.getAddress().getPort());
            vars.put("FUSE_RELEASE_ORCHESTRATOR", "false");
            JsonNode report = doctor(vars, "target");
            assertThat(finding(report, "bucket").path("status").asText()).isEqualTo("OK");
            JsonNode writeOnce = finding(report, "write-once");
            assertThat(writeOnce.path("status").asText()).isEqualTo("FAIL");
            assertThat(writeOnce.path("detail").asText()).contains("ignores If-None-Match");
        } finally {
            careless.stop(0);
        }
    }

    @Test
    void setupRegistersTheSearchAttributesOnceAndDoctorThenAcceptsThem() throws Exception {
        int port = Ports.free();
        TestServer.PortBoundTestServer bare = TestServer.createPortBoundServer(port);
        try {
            Map<String, String> vars = with("TEMPORAL_ADDRESS", "127.0.0.1:" + port);
            JsonNode before = finding(doctor(vars, "cli"), "search attributes");
            assertThat(before.path("status").asText()).isEqualTo("FAIL");
            assertThat(before.path("detail").asText()).contains("is not defined");
            assertThat(before.path("fix").asText()).contains("fuse-release setup");

            CliRun first = CliRun.run(vars, "setup", "--output", "json");
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(JSON.readTree(first.out()).path("created")).hasSize(5);
            CliRun second = CliRun.run(vars, "setup");
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.out())
                    .contains("found    FuseReleasePhase (Keyword)")
                    .doesNotContain("created");

            JsonNode after = finding(doctor(vars, "cli"), "search attributes");
            assertThat(after.path("status").asText()).isEqualTo("OK");
        } finally {
            bare.close();
        }
    }

    private static void assertFails(String role, Map<String, String> vars, String check, String detail)
            throws Exception {
        JsonNode report = doctor(vars, role);
        assertThat(report.path("healthy").asBoolean()).as(check).isFalse();
        JsonNode finding = finding(report, check);
        assertThat(finding.path("status").asText()).as(finding.toString()).isEqualTo("FAIL");
        assertThat(finding.path("detail").asText()).as(finding.toString()).contains(detail);
        assertThat(finding.path("fix").asText()).as(finding.toString()).isNotBlank();
    }

    private static JsonNode doctor(Map<String, String> vars, String role) throws Exception {
        CliRun doctor = CliRun.run(vars, "doctor", "--role", role, "--output", "json");
        assertThat(doctor.exitCode()).as(doctor.toString()).isIn(0, 1, 4);
        return JSON.readTree(doctor.out());
    }

    private static JsonNode finding(JsonNode report, String check) {
        for (JsonNode f : report.path("findings")) {
            if (f.path("check").asText().equals(check)) return f;
        }
        throw new AssertionError("no finding " + check + " in " + report);
    }

    /** The stack's variables and its release key, as a signer has them. */
    private static Map<String, String> signer() {
        return DevStack.withKey(env, stack.signingKey());
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> vars = new HashMap<>(env);
        vars.put(name, value);
        return vars;
    }

    /** An S3 endpoint that takes every write, If-None-Match or not, as some stores do. */
    private static HttpServer carelessStore() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("ETag", "\"careless\"");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("DELETE") ? 204 : 200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
