package dev.fuse.release.signature;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An SSH public key (Ed25519 or RSA), from its wire blob or an {@code authorized_keys}-style line,
 * able to check the signature blobs SSH signatures carry. Pure computation: safe in workflow code.
 */
public final class SshKey {
    public static final String ED25519 = "ssh-ed25519";
    public static final String RSA = "ssh-rsa";
    /** The X.509 SubjectPublicKeyInfo prefix of a raw 32-byte Ed25519 key. */
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String type;
    private final byte[] blob;
    private final PublicKey key;

    private SshKey(String type, byte[] blob, PublicKey key) {
        this.type = type;
        this.blob = blob;
        this.key = key;
    }

    /** From a line such as {@code ssh-ed25519 AAAAC3... comment}. */
    public static SshKey parse(String line) throws SignatureProblem {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2) {
            throw new SignatureProblem("not an SSH public key (expected '<type> <base64> [comment]')");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new SignatureProblem("the key's base64 is malformed");
        }
        SshKey key = fromBlob(blob);
        if (!key.type.equals(parts[0])) {
            throw new SignatureProblem("key type " + parts[0] + " does not match the key data (" + key.type + ")");
        }
        return key;
    }

    public static SshKey fromBlob(byte[] blob) throws SignatureProblem {
        SshWire in = SshWire.reading(blob);
        String type = in.string();
        try {
            if (type.equals(ED25519)) {
                byte[] raw = in.bytes();
                if (raw.length != 32) throw new SignatureProblem("an Ed25519 key has 32 bytes, this one " + raw.length);
                byte[] x509 =
                        new SshWire.Writer().raw(ED25519_X509_PREFIX).raw(raw).toByteArray();
                return new SshKey(
                        type, blob, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
            }
            if (type.equals(RSA)) {
                BigInteger e = in.mpint();
                BigInteger n = in.mpint();
                if (n.bitLength() < 2048) {
                    throw new SignatureProblem("RSA keys shorter than 2048 bits are not accepted (this one has "
                            + n.bitLength() + "); use an Ed25519 key");
                }
                return new SshKey(type, blob, KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            }
        } catch (GeneralSecurityException e) {
            throw new SignatureProblem("the " + type + " key is malformed: " + e.getMessage());
        }
        throw new SignatureProblem("key type " + type + " is not supported; use ssh-ed25519 or ssh-rsa (RSA-SHA2)");
    }

    public String type() {
        return type;
    }

    public byte[] blob() {
        return blob.clone();
    }

    /** As {@code ssh-keygen -l} prints it: {@code SHA256:<base64, no padding>}. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The key as one {@code allowed_signers}/{@code authorized_keys} field pair: type and base64. */
    public String openSsh() {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    /** Checks an SSH signature blob ({@code string algorithm, string signature}) over {@code data}. */
    public boolean verifies(byte[] signatureBlob, byte[] data) throws SignatureProblem {
        SshWire in = SshWire.reading(signatureBlob);
        String algorithm = in.string();
        byte[] signature = in.bytes();
        String jca = switch (algorithm) {
            case ED25519 -> type.equals(ED25519) ? "Ed25519" : null;
            case "rsa-sha2-256" -> type.equals(RSA) ? "SHA256withRSA" : null;
            case "rsa-sha2-512" -> type.equals(RSA) ? "SHA512withRSA" : null;
            default -> null;
        };
        if (jca == null) {
            throw new SignatureProblem("signature algorithm " + algorithm + " does not fit a " + type
                    + " key (accepted: ssh-ed25519, rsa-sha2-256, rsa-sha2-512)");
        }
        try {
            Signature verifier = Signature.getInstance(jca);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshKey k && Arrays.equals(blob, k.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }
}
