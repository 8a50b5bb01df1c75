package dev.fuse.release.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PastedSignatureTest {
    static final String BLOCK = "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\nAAAA\n-----END SSH SIGNATURE-----";

    @Test
    void onlyTheArmouredBlockIsKeptWithUnixLineEnds() {
        String pasted = "Signing data on standard input\r\n" + BLOCK.replace("\n", "\r\n") + "\r\n$ ";
        assertThat(PastedSignature.of(pasted)).isEqualTo(BLOCK + "\n");
    }

    @Test
    void nothingPastedIsNoSignatureAndAnythingElseGoesOnForTheValidatorToRefuse() {
        assertThat(PastedSignature.of("  \r\n")).isNull();
        assertThat(PastedSignature.of(null)).isNull();
        assertThat(PastedSignature.of(" not a signature ")).isEqualTo("not a signature");
    }
}
