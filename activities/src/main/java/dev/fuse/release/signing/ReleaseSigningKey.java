package dev.fuse.release.signing;

import dev.fuse.release.signature.SignatureProblem;
import dev.fuse.release.signature.SshKey;
import dev.fuse.release.signature.SshSignature;
import dev.fuse.release.signature.SshWire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The orchestrator's release signing key: an unencrypted OpenSSH Ed25519 private key (the file
 * {@code ssh-keygen -t ed25519 -N ''} writes). Ed25519 signatures are deterministic, so signing the
 * same {@code SHA256SUMS} twice gives the same bytes, and a republished release stays identical.
 * The key stays on the worker: only signatures and the public key leave it.
 */
public final class ReleaseSigningKey {
    private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] AUTH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private final SshKey publicKey;
    private final PrivateKey privateKey;
    private final String comment;

    private ReleaseSigningKey(SshKey publicKey, PrivateKey privateKey, String comment) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.comment = comment;
    }

    public static ReleaseSigningKey load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
            throw new IOException("cannot read the release signing key " + file + ": " + why, e);
        }
        try {
            return parse(text);
        } catch (SignatureProblem e) {
            throw new IOException("the release signing key " + file + " is not usable: " + e.getMessage());
        }
    }

    static ReleaseSigningKey parse(String text) throws SignatureProblem {
        String t = text.strip();
        if (!t.startsWith(BEGIN) || !t.endsWith(END)) {
            throw new SignatureProblem(
                    "expected an OpenSSH private key (" + BEGIN + "), as ssh-keygen -t ed25519 writes");
        }
        byte[] raw = Base64.getMimeDecoder().decode(t.substring(BEGIN.length(), t.length() - END.length()));
        SshWire in = SshWire.reading(raw);
        if (!Arrays.equals(in.raw(AUTH_MAGIC.length), AUTH_MAGIC)) throw new SignatureProblem("bad key magic");
        String cipher = in.string();
        in.string(); // kdf name
        in.bytes(); // kdf options
        if (!cipher.equals("none")) {
            throw new SignatureProblem("the key is passphrase-protected; the worker needs an unencrypted key readable"
                    + " only by its user (ssh-keygen -t ed25519 -N '' -f KEY)");
        }
        if (in.uint32() != 1) throw new SignatureProblem("the file holds more than one key");
        SshKey publicKey = SshKey.fromBlob(in.bytes());
        SshWire secret = SshWire.reading(in.bytes());
        if (secret.uint32() != secret.uint32()) throw new SignatureProblem("the key's check numbers differ (corrupt)");
        String type = secret.string();
        if (!type.equals(SshKey.ED25519)) {
            throw new SignatureProblem(
                    "the release signing key must be Ed25519 (deterministic signatures), not " + type);
        }
        secret.bytes(); // public part again
        byte[] seedAndPublic = secret.bytes();
        String comment = secret.string();
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(
                            NamedParameterSpec.ED25519, Arrays.copyOfRange(seedAndPublic, 0, 32)));
            return new ReleaseSigningKey(publicKey, key, comment);
        } catch (GeneralSecurityException e) {
            throw new SignatureProblem("the Ed25519 key is malformed: " + e.getMessage());
        }
    }

    /** A new key written to {@code file} (mode 600) in the format ssh-keygen reads. */
    public static ReleaseSigningKey generate(Path file, String comment) throws IOException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] encodedPublic = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encodedPublic, encodedPublic.length - 32, encodedPublic.length);
            byte[] encodedPrivate = pair.getPrivate().getEncoded();
            byte[] seed = Arrays.copyOfRange(encodedPrivate, encodedPrivate.length - 32, encodedPrivate.length);
            byte[] blob = new SshWire.Writer().string(SshKey.ED25519).bytes(raw).toByteArray();
            Files.writeString(file, openSshFile(blob, seed, raw, comment), StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return load(file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make Ed25519 keys", e);
        }
    }

    private static String openSshFile(byte[] blob, byte[] seed, byte[] raw, String comment) {
        int check = new SecureRandom().nextInt();
        SshWire.Writer secret = new SshWire.Writer()
                .uint32(check)
                .uint32(check)
                .string(SshKey.ED25519)
                .bytes(raw)
                .bytes(new SshWire.Writer().raw(seed).raw(raw).toByteArray())
                .string(comment);
        int length = secret.toByteArray().length;
        for (int pad = 1; (length + pad - 1) % 8 != 0; pad++) secret.raw(new byte[] {(byte) pad});
        byte[] whole = new SshWire.Writer()
                .raw(AUTH_MAGIC)
                .string("none")
                .string("none")
                .string("")
                .uint32(1)
                .bytes(blob)
                .bytes(secret.toByteArray())
                .toByteArray();
        return SshWire.armor(BEGIN, END, whole);
    }

    public SshKey publicKey() {
        return publicKey;
    }

    public String comment() {
        return comment;
    }

    /** An armored SSH signature of {@code message} for {@code namespace}, as ssh-keygen -Y sign writes. */
    public String signSsh(String namespace, byte[] message) {
        byte[] data = SshSignature.signedData(namespace, "sha512", message);
        byte[] blob =
                new SshWire.Writer().string(SshKey.ED25519).bytes(raw(data)).toByteArray();
        return SshSignature.armor(publicKey, namespace, "sha512", blob);
    }

    /** A raw Ed25519 signature (64 bytes), as DSSE envelopes carry it. */
    public byte[] raw(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
