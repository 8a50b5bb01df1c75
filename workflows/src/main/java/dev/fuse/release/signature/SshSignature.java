package dev.fuse.release.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * An SSH signature as {@code ssh-keygen -Y sign} writes it (the SSHSIG format of OpenSSH's
 * PROTOCOL.sshsig): the signer's public key, a namespace that says what the signature is for, and
 * a signature over a hash of the message. Parsing and checking are pure, so they run in Update
 * validators and in {@code verify} alike.
 */
public record SshSignature(SshKey key, String namespace, String hashAlgorithm, byte[] signatureBlob) {
    public static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
    public static final String END = "-----END SSH SIGNATURE-----";
    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);

    public static SshSignature parse(String armored) throws SignatureProblem {
        if (armored == null || armored.isBlank()) throw new SignatureProblem("the signature is empty");
        String text = armored.strip();
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin != 0 || end < 0 || !text.endsWith(END)) {
            throw new SignatureProblem(
                    "not an SSH signature: expected the " + BEGIN + " ... " + END + " block ssh-keygen -Y sign writes");
        }
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder()
                    .decode(text.substring(BEGIN.length(), end).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new SignatureProblem("the signature's base64 is malformed");
        }
        SshWire in = SshWire.reading(raw);
        byte[] magic = in.raw(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) throw new SignatureProblem("not an SSHSIG signature (bad magic)");
        int version = in.uint32();
        if (version != 1) throw new SignatureProblem("SSHSIG version " + version + " is not supported (only 1)");
        SshKey key = SshKey.fromBlob(in.bytes());
        String namespace = in.string();
        in.bytes(); // reserved
        String hash = in.string();
        byte[] signature = in.bytes();
        if (!in.atEnd()) throw new SignatureProblem("the signature has trailing data");
        if (!hash.equals("sha512") && !hash.equals("sha256")) {
            throw new SignatureProblem("hash algorithm " + hash + " is not allowed (sha256, sha512)");
        }
        return new SshSignature(key, namespace, hash, signature);
    }

    /** True when the signature is the key's, over {@code message}, for this signature's namespace. */
    public boolean verifies(byte[] message) throws SignatureProblem {
        return key.verifies(signatureBlob, signedData(namespace, hashAlgorithm, message));
    }

    /** What an SSHSIG signature signs: magic, namespace, reserved, hash algorithm, H(message). */
    public static byte[] signedData(String namespace, String hashAlgorithm, byte[] message) {
        return new SshWire.Writer()
                .raw(MAGIC)
                .string(namespace)
                .string("")
                .string(hashAlgorithm)
                .bytes(hash(hashAlgorithm, message))
                .toByteArray();
    }

    /** The armored file, wrapped at 70 columns like ssh-keygen's, ending in a newline. */
    public static String armor(SshKey key, String namespace, String hashAlgorithm, byte[] signatureBlob) {
        byte[] raw = new SshWire.Writer()
                .raw(MAGIC)
                .uint32(1)
                .bytes(key.blob())
                .string(namespace)
                .string("")
                .string(hashAlgorithm)
                .bytes(signatureBlob)
                .toByteArray();
        return SshWire.armor(BEGIN, END, raw);
    }

    private static byte[] hash(String algorithm, byte[] message) {
        try {
            return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512")
                    .digest(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
