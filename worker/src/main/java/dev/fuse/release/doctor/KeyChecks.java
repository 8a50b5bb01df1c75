package dev.fuse.release.doctor;

import dev.fuse.release.approval.ApprovalPolicyFile;
import dev.fuse.release.approval.PolicyException;
import dev.fuse.release.publish.LatestPointer;
import dev.fuse.release.signature.AllowedSigners;
import dev.fuse.release.signature.SignatureProblem;
import dev.fuse.release.signing.ReleaseSignatures;
import dev.fuse.release.signing.ReleaseSigningKey;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.StoreException;
import dev.fuse.release.storage.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a signer signs with and what orchestrator and signer decide by: the release key and the approval policy. */
final class KeyChecks {
    static final String KEY = "signing key";
    static final String SIGNERS = "allowed signers";
    static final String POLICY = "approval policy";

    private KeyChecks() {}

    /** The key, or null after adding the finding that says why not. */
    static ReleaseSigningKey key(Path file, List<Finding> findings) {
        if (file == null) {
            findings.add(Finding.fail(
                    KEY,
                    "FUSE_RELEASE_SIGNING_KEY is not set",
                    "make one with ssh-keygen -t ed25519 -N '' -C fuse-release -f release-key and point the variable"
                            + " at it"));
            return null;
        }
        try {
            ReleaseSigningKey key = ReleaseSigningKey.load(file);
            findings.add(Finding.ok(KEY, file + " loads (" + key.publicKey().fingerprint() + ")"));
            return key;
        } catch (IOException e) {
            findings.add(Finding.fail(
                    KEY, e.getMessage(), "point FUSE_RELEASE_SIGNING_KEY at the worker's readable Ed25519 key"));
            return null;
        }
    }

    /**
     * The key must be the one verifiers trust: the line in FUSE_RELEASE_ALLOWED_SIGNERS when set,
     * otherwise the allowed_signers published with the latest release (none yet is fine).
     */
    static Finding allowedSigners(ReleaseSigningKey key, Map<String, String> env, ArtifactStore store) {
        String file = env.get("FUSE_RELEASE_ALLOWED_SIGNERS");
        try {
            if (file != null && !file.isBlank()) {
                String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                return match(key, text, file, "the key that file lists");
            }
            if (store == null) return Finding.skip(SIGNERS, "the bucket is not reachable");
            Optional<LatestPointer.Latest> latest = new LatestPointer(store).read();
            if (latest.isEmpty()) return Finding.ok(SIGNERS, "no release published yet: this key will be the first");
            String published = StoreLayout.releasePrefix(latest.get().version()) + ReleaseSignatures.ALLOWED_SIGNERS;
            String text = new String(store.getBytes(published), StandardCharsets.UTF_8);
            return match(
                    key,
                    text,
                    published,
                    "the key that signed release " + latest.get().version());
        } catch (IOException | StoreException e) {
            return Finding.fail(SIGNERS, "cannot read the allowed signers: " + e.getMessage(), null);
        }
    }

    private static Finding match(ReleaseSigningKey key, String text, String source, String what) {
        try {
            Optional<String> principal =
                    AllowedSigners.parse(text, source).principalOf(key.publicKey(), ReleaseSignatures.SUMS_NAMESPACE);
            if (principal.filter(ReleaseSignatures.PRINCIPAL::equals).isPresent()) {
                return Finding.ok(SIGNERS, "the key is " + ReleaseSignatures.PRINCIPAL + " in " + source);
            }
            return Finding.fail(
                    SIGNERS,
                    "the key (" + key.publicKey().fingerprint() + ") is not " + ReleaseSignatures.PRINCIPAL + " in "
                            + source + ", so verifiers would refuse what it signs",
                    "point FUSE_RELEASE_SIGNING_KEY at " + what + ", or (rotating keys) give verifiers this"
                            + " key's allowed_signers line first");
        } catch (SignatureProblem e) {
            return Finding.fail(SIGNERS, source + ": " + e.getMessage(), "fix the allowed_signers file");
        }
    }

    static Finding policy(Path file) {
        if (file == null) return Finding.ok(POLICY, "FUSE_RELEASE_POLICY unset: the defaults (one approval)");
        try {
            ApprovalPolicyFile.load(file);
            return Finding.ok(POLICY, file + " parses");
        } catch (PolicyException e) {
            return Finding.fail(POLICY, e.getMessage(), "fix the policy file (docs/approvals.md)");
        }
    }
}
