package dev.fuse.release.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.signature.AllowedSigners;
import dev.fuse.release.signature.SignatureProblem;
import dev.fuse.release.signature.SshKey;
import dev.fuse.release.signature.SshSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every verdict of the in-JVM SSH signature checker is compared with {@code ssh-keygen -Y verify}
 * on keys and signatures ssh-keygen makes itself: the two must agree on every good and bad case.
 */
class SshSignaturesTest {
    static final String NS = "fuse-release-approval";
    static final byte[] MESSAGE = "fuse-release approve 0.4.0 aaaa bbbb".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    static Path ed25519;
    static Path rsa;
    static Path stranger;
    static Path allowed;

    @BeforeAll
    static void keys() throws Exception {
        ed25519 = keygen("alice", "-t", "ed25519");
        rsa = keygen("bob", "-t", "rsa", "-b", "3072");
        stranger = keygen("mallory", "-t", "ed25519");
        allowed = dir.resolve("allowed_signers");
        Files.writeString(
                allowed, "# approvers\nalice namespaces=\"" + NS + "\" " + pub(ed25519) + "\nbob " + pub(rsa) + "\n");
    }

    @Test
    void signaturesMadeBySshKeygenWithEd25519AndRsaVerifyHereAndThere() throws Exception {
        for (Path key : List.of(ed25519, rsa)) {
            String sig = sign(key, NS, MESSAGE);
            assertThat(javaVerdict(sig, NS, MESSAGE)).as(key.toString()).isEqualTo("Good");
            assertThat(sshKeygenVerdict(sig, key == ed25519 ? "alice" : "bob", NS, MESSAGE))
                    .isTrue();
        }
        assertThat(SshSignature.parse(sign(rsa, NS, MESSAGE)).key().type()).isEqualTo(SshKey.RSA);
    }

    @Test
    void everyForgeryIsRefusedByBothCheckers() throws Exception {
        String good = sign(ed25519, NS, MESSAGE);
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"another key", sign(stranger, NS, MESSAGE), NS, new String(MESSAGE)});
        cases.add(new String[] {"another namespace", sign(ed25519, "git", MESSAGE), NS, new String(MESSAGE)});
        cases.add(new String[] {"another version", good, NS, "fuse-release approve 0.4.1 aaaa bbbb"});
        cases.add(new String[] {"another digest", good, NS, "fuse-release approve 0.4.0 aaab bbbb"});
        cases.add(new String[] {"truncated", good.substring(0, good.length() / 2), NS, new String(MESSAGE)});
        cases.add(new String[] {"tampered", tamper(good), NS, new String(MESSAGE)});
        for (String[] c : cases) {
            byte[] message = c[3].getBytes(StandardCharsets.UTF_8);
            assertThat(javaVerdict(c[1], c[2], message)).as(c[0]).isNotEqualTo("Good");
            assertThat(sshKeygenVerdict(c[1], "alice", c[2], message))
                    .as("ssh-keygen on " + c[0])
                    .isFalse();
        }
    }

    @Test
    void theReleaseKeyIsReadBySshKeygenAndSignsTheSameBytesAsIt() throws Exception {
        Path key = dir.resolve("release-key");
        ReleaseSigningKey generated = ReleaseSigningKey.generate(key, "fuse-release");
        assertThat(run(null, "ssh-keygen", "-y", "-f", key.toString()).trim())
                .startsWith(generated.publicKey().openSsh());
        String ours = generated.signSsh("fuse-release-sums", MESSAGE);
        assertThat(ours).isEqualTo(sign(key, "fuse-release-sums", MESSAGE));
        Path signers = dir.resolve("release_signers");
        Files.writeString(signers, "fuse-release " + generated.publicKey().openSsh() + "\n");
        Path sig = Files.writeString(dir.resolve("ours.sig"), ours);
        assertThat(run(
                        MESSAGE,
                        "ssh-keygen",
                        "-Y",
                        "verify",
                        "-f",
                        signers.toString(),
                        "-I",
                        "fuse-release",
                        "-n",
                        "fuse-release-sums",
                        "-s",
                        sig.toString()))
                .contains("Good");
    }

    @Test
    void keysFromSshKeygenLoadAndForeignFormatsAreRefusedWithAReason() throws Exception {
        Path key = keygen("carol", "-t", "ed25519");
        ReleaseSigningKey loaded = ReleaseSigningKey.load(key);
        assertThat(loaded.publicKey().openSsh()).isEqualTo(pub(key).substring(0, pub(key).lastIndexOf(' ')));
        assertThat(loaded.publicKey().fingerprint())
                .isEqualTo(run(null, "ssh-keygen", "-l", "-f", key + ".pub").split(" ")[1]);
        Path locked = dir.resolve("locked");
        run(null, "ssh-keygen", "-q", "-t", "ed25519", "-N", "secret", "-C", "x", "-f", locked.toString());
        assertThatThrownBy(() -> ReleaseSigningKey.load(locked)).hasMessageContaining("passphrase-protected");
        assertThatThrownBy(() -> ReleaseSigningKey.load(rsa)).hasMessageContaining("must be Ed25519");
    }

    @Test
    void allowedSignersNamePrincipalsPerNamespaceAndReportEveryBadLine() throws Exception {
        AllowedSigners signers = AllowedSigners.parse(Files.readString(allowed), "allowed_signers");
        SshKey alice = SshSignature.parse(sign(ed25519, NS, MESSAGE)).key();
        assertThat(signers.principalOf(alice, NS)).contains("alice");
        assertThat(signers.principalOf(alice, "fuse-release-sums")).isEmpty();
        assertThat(signers.principals()).containsExactly("alice", "bob");
        assertThatThrownBy(() -> AllowedSigners.parse(
                        "*@example.com " + pub(ed25519) + "\nbob cert-authority " + pub(rsa) + "\ncarol\n", "p"))
                .isInstanceOf(SignatureProblem.class)
                .hasMessageContaining("p line 1: principal '*@example.com' is a pattern")
                .hasMessageContaining("p line 2: option 'cert-authority' is not supported")
                .hasMessageContaining("p line 3: no key");
    }

    private static String javaVerdict(String armored, String namespace, byte[] message) {
        try {
            SshSignature sig = SshSignature.parse(armored);
            AllowedSigners signers = AllowedSigners.parse(Files.readString(allowed), "allowed_signers");
            if (!sig.namespace().equals(namespace)) return "namespace " + sig.namespace();
            if (signers.principalOf(sig.key(), namespace).isEmpty()) return "unknown key";
            return sig.verifies(message) ? "Good" : "Bad";
        } catch (SignatureProblem | IOException e) {
            return e.getMessage();
        }
    }

    private static boolean sshKeygenVerdict(String armored, String principal, String namespace, byte[] message)
            throws Exception {
        Path sig = Files.writeString(Files.createTempFile(dir, "sig", ".sig"), armored);
        Process p = new ProcessBuilder(
                        "ssh-keygen",
                        "-Y",
                        "verify",
                        "-f",
                        allowed.toString(),
                        "-I",
                        principal,
                        "-n",
                        namespace,
                        "-s",
                        sig.toString())
                .redirectErrorStream(true)
                .redirectInput(Files.write(Files.createTempFile(dir, "message", ".txt"), message)
                        .toFile())
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0 && out.contains("Good");
    }

    static Path keygen(String name, String... type) throws Exception {
        Path key = dir.resolve(name);
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", "", "-C", name, "-f", key.toString()));
        argv.addAll(List.of(type));
        run(null, argv.toArray(String[]::new));
        return key;
    }

    static String pub(Path key) throws IOException {
        return Files.readString(Path.of(key + ".pub")).trim();
    }

    static String sign(Path key, String namespace, byte[] message) throws Exception {
        return run(message, "ssh-keygen", "-q", "-Y", "sign", "-f", key.toString(), "-n", namespace);
    }

    private static String tamper(String armored) {
        String[] lines = armored.split("\n");
        char[] body = lines[lines.length - 2].toCharArray();
        body[body.length / 2] = body[body.length / 2] == 'A' ? 'B' : 'A';
        lines[lines.length - 2] = new String(body);
        return String.join("\n", lines) + "\n";
    }

    static String run(byte[] stdin, String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).start();
        if (stdin != null) p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", argv) + ": " + err).isZero();
        return out;
    }
}
