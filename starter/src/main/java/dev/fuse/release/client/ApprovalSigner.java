package dev.fuse.release.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signs an approval statement the way an approver would by hand: {@code ssh-keygen -Y sign -f KEY
 * -n fuse-release-approval}, the statement on standard input. A private key file signs directly; a
 * {@code .pub} file makes ssh-keygen use the matching key held by the ssh-agent. The key never
 * leaves this machine; only the signature goes into the Update.
 */
public final class ApprovalSigner {
    private ApprovalSigner() {}

    public static String sign(Path key, String namespace, String statement) {
        if (!Files.isReadable(key)) {
            throw new IllegalArgumentException("--key " + key + " is not a readable file: pass your SSH private key, or"
                    + " its .pub file to use the key in your ssh-agent");
        }
        Process process;
        try {
            process = new ProcessBuilder(
                            List.of("ssh-keygen", "-q", "-Y", "sign", "-f", key.toString(), "-n", namespace))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run ssh-keygen (OpenSSH 8.2 or later is needed to sign): " + e.getMessage());
        }
        try {
            process.getOutputStream().write(statement.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ssh-keygen did not finish signing within 120 s");
            }
            if (process.exitValue() != 0 || out.isBlank()) {
                throw new IllegalArgumentException("ssh-keygen could not sign with " + key + ": "
                        + (err.isEmpty()
                                ? "exit " + process.exitValue()
                                : err.lines().reduce((a, b) -> b).orElse(err)));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("signing with ssh-keygen failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while signing", e);
        }
    }
}
