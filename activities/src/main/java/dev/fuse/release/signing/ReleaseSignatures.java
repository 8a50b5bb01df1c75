package dev.fuse.release.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fuse.release.support.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The signed files of a published release, all made with the orchestrator's release key:
 * {@code SHA256SUMS.sig} (an SSH signature that {@code ssh-keygen -Y verify} checks), the
 * {@code allowed_signers} line naming that key, and the provenance statement wrapped in a DSSE
 * envelope (a raw Ed25519 signature over the DSSE pre-authentication encoding).
 */
public final class ReleaseSignatures {
    public static final String SUMS_SIGNATURE = "SHA256SUMS.sig";
    public static final String ALLOWED_SIGNERS = "allowed_signers";
    public static final String SUMS_NAMESPACE = "fuse-release-sums";
    public static final String PRINCIPAL = "fuse-release";
    public static final String PROVENANCE_ENVELOPE = "provenance.intoto.dsse.json";
    public static final String INTOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private ReleaseSignatures() {}

    public static byte[] sumsSignature(ReleaseSigningKey key, byte[] sums) {
        return key.signSsh(SUMS_NAMESPACE, sums).getBytes(StandardCharsets.US_ASCII);
    }

    /** One allowed-signers line: the principal {@code fuse-release}, only for SHA256SUMS signatures. */
    public static byte[] allowedSigners(ReleaseSigningKey key) {
        String line = PRINCIPAL + " namespaces=\"" + SUMS_NAMESPACE + "\" "
                + key.publicKey().openSsh() + "\n";
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    /** A DSSE envelope (in-toto's signing wrapper) around {@code statement}, keyed by the key's fingerprint. */
    public static byte[] envelope(ReleaseSigningKey key, byte[] statement) {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("payloadType", INTOTO_PAYLOAD_TYPE);
        root.put("payload", Base64.getEncoder().encodeToString(statement));
        ObjectNode sig = root.putArray("signatures").addObject();
        sig.put("keyid", key.publicKey().fingerprint());
        sig.put("sig", Base64.getEncoder().encodeToString(key.raw(pae(INTOTO_PAYLOAD_TYPE, statement))));
        return CanonicalJson.write(root).getBytes(StandardCharsets.UTF_8);
    }

    /** DSSE's pre-authentication encoding: {@code "DSSEv1" SP len(type) SP type SP len(body) SP body}. */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        String head = "DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[headBytes.length + payload.length];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(payload, 0, out, headBytes.length, payload.length);
        return out;
    }
}
