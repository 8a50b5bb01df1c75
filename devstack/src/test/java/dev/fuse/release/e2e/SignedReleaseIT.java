package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.console.ConsoleServer;
import dev.fuse.release.devstack.DevStack;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust end to end on the dev stack: under a policy that requires signed approvals, an unsigned
 * approval is refused and one signed with an approver's SSH key (ssh-keygen) publishes; the
 * published SHA256SUMS.sig verifies with ssh-keygen alone; one byte changed in the bucket makes
 * verify and verify --all fail, naming the object.
 */
class SignedReleaseIT {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static DevStack stack;
    static Map<String, String> env;
    static Path aliceKey;
    static Path bobKey;

    @BeforeAll
    static void startStack() throws Exception {
        aliceKey = keygen("alice");
        bobKey = keygen("bob");
        Files.writeString(
                data.resolve("approvers_allowed_signers"), "alice " + pub(aliceKey) + "\nbob " + pub(bobKey) + "\n");
        Path policy = Files.writeString(
                data.resolve("policy.json"),
                "{\"approvers\": [\"alice\", \"bob\"], \"requiredApprovals\": 1, \"requireSignedApprovals\": true,"
                        + " \"allowedSignersFile\": \"approvers_allowed_signers\", \"approvalWindow\": \"2d\"}");
        stack = DevStack.start(data.resolve("stack"), null, 0, 0, policy);
        env = CliRun.envOf(stack);
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void aSignedApprovalPublishesASignedReleaseAndATamperedByteIsNamedByVerify() throws Exception {
        Path repo = data.resolve("repo");
        ExampleVariants.prepare(repo, tree -> {});
        env.put("FUSE_RELEASE_REPO", repo.toString());
        CliRun started = CliRun.run(env, "start", "--version", "0.13.0", "--revision", "main", "--target", "linux-x64");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        awaitApproval();

        CliRun unsigned = CliRun.run(env, "approve", "0.13.0", "--approver", "alice", "--comment", "ok");
        assertThat(unsigned.exitCode()).as(unsigned.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unsigned.err()).contains("refused: the approval policy").contains("requires signed decisions");
        CliRun signed = CliRun.run(
                env, "approve", "0.13.0", "--key", aliceKey.toString(), "--comment", "gates and report reviewed");
        assertThat(signed.exitCode()).as(signed.toString()).isZero();
        assertThat(CliRun.run(env, "watch", "0.13.0").exitCode()).isZero();
        assertThat(CliRun.run(env, "status", "0.13.0").out()).contains("approved by alice (signed, key SHA256:");

        Path download = data.resolve("download");
        Files.createDirectories(download);
        for (String name : List.of("SHA256SUMS", "SHA256SUMS.sig", "allowed_signers")) {
            Files.write(download.resolve(name), stack.store().getBytes("releases/0.13.0/" + name));
        }
        String good = sh(
                download,
                "ssh-keygen -Y verify -f allowed_signers -I fuse-release -n fuse-release-sums -s SHA256SUMS.sig"
                        + " < SHA256SUMS");
        assertThat(good).contains("Good \"fuse-release-sums\" signature for fuse-release");
        assertThat(new String(stack.store().getBytes("releases/0.13.0/allowed_signers"), StandardCharsets.US_ASCII))
                .isEqualTo(Files.readString(stack.dataDir().resolve("signing/allowed_signers")));

        CliRun verified = CliRun.run(env, "verify", "0.13.0");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out())
                .contains("release 0.13.0: verified")
                .contains("approval(s) in the release's Temporal history name this manifest");

        String artifact = "releases/0.13.0/fuse-aot-0.13.0-linux-x64.tar.gz";
        byte[] original = stack.store().getBytes(artifact);
        byte[] bytes = original.clone();
        bytes[bytes.length / 2] ^= 1;
        stack.store().putBytes(artifact, bytes, "application/gzip");

        CliRun tampered = CliRun.run(env, "verify", "0.13.0");
        assertThat(tampered.exitCode()).as(tampered.toString()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(tampered.out()).contains("FAIL fuse-aot-0.13.0-linux-x64.tar.gz: sha256: expected ");
        CliRun audit = CliRun.run(env, "verify", "--all", "--output", "json");
        assertThat(audit.exitCode()).as(audit.toString()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        JsonNode report = JSON.readTree(audit.out());
        assertThat(report.path("verified").asBoolean()).isFalse();
        assertThat(report.path("releases")
                        .get(0)
                        .path("problems")
                        .get(0)
                        .path("object")
                        .asText())
                .isEqualTo("fuse-aot-0.13.0-linux-x64.tar.gz");

        stack.store().putBytes(artifact, original, "application/gzip");
        assertThat(CliRun.run(env, "verify", "0.13.0").exitCode()).isZero();
        stack.store().putBytes("releases/0.13.0/fuse-aot-0.13.0-linux-x64-patched.tar.gz", bytes, "application/gzip");
        CliRun slippedIn = CliRun.run(env, "verify", "0.13.0");
        assertThat(slippedIn.exitCode()).as(slippedIn.toString()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(slippedIn.out()).contains("FAIL fuse-aot-0.13.0-linux-x64-patched.tar.gz: listed: ");
    }

    /**
     * Operator actions under the same signed policy: a cancel or a rollback needs an approver's
     * signature, the typed --operator cannot stand in for it, and the record names the key's principal.
     */
    @Test
    void cancelAndRollbackAreSignedByAnApproverAndRecordedUnderTheKeysPrincipal() throws Exception {
        Path repo = data.resolve("repo-operators");
        ExampleVariants.prepare(repo, tree -> {});
        Map<String, String> cli = new HashMap<>(env);
        cli.put("FUSE_RELEASE_REPO", repo.toString());
        for (String version : List.of("0.14.1", "0.14.2")) {
            assertThat(CliRun.startLinuxX64(cli, version, repo).exitCode()).isZero();
            awaitApproval(version);
            assertThat(CliRun.run(cli, "approve", version, "--key", bobKey.toString(), "--comment", "ok")
                            .exitCode())
                    .isZero();
            assertThat(CliRun.run(cli, "watch", version).exitCode()).isZero();
        }

        CliRun unsigned = CliRun.run(cli, "rollback", "0.14.2", "--operator", "alice", "--reason", "crash");
        assertThat(unsigned.exitCode()).as(unsigned.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unsigned.err()).contains("requires signed operator actions");
        CliRun impostor = CliRun.run(
                cli, "rollback", "0.14.2", "--operator", "mallory", "--key", aliceKey.toString(), "--reason", "crash");
        assertThat(impostor.exitCode()).as(impostor.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(impostor.err()).contains("--operator mallory does not match the signing key's principal alice");
        assertThat(stack.store().exists("releases/0.14.2/YANKED.json")).isFalse();
        CliRun signed = CliRun.run(cli, "rollback", "0.14.2", "--key", aliceKey.toString(), "--reason", "crash");
        assertThat(signed.exitCode()).as(signed.toString()).isZero();
        assertThat(JSON.readTree(stack.store().getBytes("releases/0.14.2/YANKED.json"))
                        .path("yankedBy")
                        .asText())
                .isEqualTo("alice");
        CliRun audit = CliRun.run(cli, "verify", "--all");
        assertThat(audit.out()).contains("the rollback of 0.14.2 completed in Temporal, as the ledger records");

        assertThat(CliRun.startLinuxX64(cli, "0.14.3", repo).exitCode()).isZero();
        CliRun refused = CliRun.run(cli, "cancel", "0.14.3", "--operator", "bob", "--reason", "wrong revision");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        CliRun cancelled =
                CliRun.run(cli, "cancel", "0.14.3", "--key", bobKey.toString(), "--reason", "wrong revision");
        assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
        CliRun watched = CliRun.run(cli, "watch", "0.14.3");
        assertThat(watched.out()).contains("cancelled by bob: wrong revision");
    }

    /**
     * The console under the same policy: an unsigned approval from the page is refused; the
     * command the page shows, run with the approver's key, signs the statement, and the signature
     * pasted back publishes the release under the key's principal.
     */
    @Test
    void aSignatureMadeWithTheCommandThePageShowsAndPastedBackPublishes() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed (.ci/run installs them)");
        Path repo = data.resolve("repo-console");
        ExampleVariants.prepare(repo, tree -> {});
        assertThat(CliRun.startLinuxX64(env, "0.15.0", repo).exitCode()).isZero();
        awaitApproval("0.15.0");

        try (ConsoleServer console = ConsoleServer.start(
                        new ReleaseClient(stack.connection(), stack.store()),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                Browser browser = new Browser(data.resolve("profile"))) {
            browser.open(console.url() + "releases/0.15.0");
            browser.type("#comment", "unsigned, from the page");
            browser.type("#approver", "bob");
            browser.click("#approve");
            assertThat(browser.text("#flash")).contains("requires signed decisions");

            browser.click("#decide details summary");
            String command = browser.text("#decide details pre:nth-of-type(2)");
            assertThat(command).startsWith("printf '%s' 'fuse-release approve 0.15.0 ");
            String signature = sh(data, command.replace("~/.ssh/id_ed25519", bobKey.toString()));
            browser.type("#signature", signature);
            browser.type("#comment", "signed on the page");
            browser.click("#approve");
            assertThat(browser.text("#flash")).isEqualTo("approved by the signing key's principal");
        }
        assertThat(CliRun.run(env, "watch", "0.15.0").exitCode()).isZero();
        assertThat(CliRun.run(env, "status", "0.15.0").out()).contains("approved by bob (signed, key SHA256:");
    }

    private static void awaitApproval() throws Exception {
        awaitApproval("0.13.0");
    }

    private static void awaitApproval(String version) throws Exception {
        Await.phase(env, version, "AWAITING_APPROVAL");
    }

    private static Path keygen(String name) throws Exception {
        Path key = data.resolve(name);
        assertThat(new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString())
                        .start()
                        .waitFor())
                .isZero();
        return key;
    }

    private static String pub(Path key) throws Exception {
        return Files.readString(Path.of(key + ".pub")).trim();
    }

    private static String sh(Path dir, String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
