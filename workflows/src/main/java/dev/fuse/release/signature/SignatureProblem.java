package dev.fuse.release.signature;

/** Why a key, a signature or an allowed-signers file was not accepted, as a sentence for the user. */
public final class SignatureProblem extends Exception {
    public SignatureProblem(String message) {
        super(message);
    }
}
