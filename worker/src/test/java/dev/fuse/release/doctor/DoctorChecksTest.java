package dev.fuse.release.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of doctor that need no server: skew, tools on a PATH, roles, messages. */
class DoctorChecksTest {
    @TempDir
    Path dir;

    @Test
    void theDateHeadersSecondIsNotCountedAsSkew() {
        Instant date = Instant.parse("2026-12-06T12:00:00Z");
        assertThat(StoreChecks.skew(date, date.plusMillis(999))).isZero();
        assertThat(StoreChecks.skew(date, date.plusSeconds(3))).isEqualTo(Duration.ofSeconds(2));
        assertThat(StoreChecks.skew(date, date.minusSeconds(40))).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void toolsAreLookedUpOnTheGivenPathAndMustBeExecutable() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path git = Files.writeString(bin.resolve("git"), "#!/bin/sh\n");
        Files.writeString(bin.resolve("cc"), "not executable");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));

        Finding orchestrator = ToolChecks.check(Role.ORCHESTRATOR, Map.of("PATH", bin.toString()));
        assertThat(orchestrator.status()).isEqualTo(Finding.Status.OK);
        assertThat(orchestrator.detail()).isEqualTo(git.toString());

        Finding target = ToolChecks.check(Role.TARGET, Map.of("PATH", "/nonexistent:" + bin));
        assertThat(target.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(target.detail()).startsWith("sh, cc, strip not found on PATH");
        assertThat(target.fix()).contains("install sh and cc and strip");
    }

    @Test
    void rolesParseCaseInsensitivelyAndNameTheChoicesOtherwise() {
        assertThat(Role.parse("Orchestrator")).isEqualTo(Role.ORCHESTRATOR);
        assertThat(Role.parse("SIGNER")).isEqualTo(Role.SIGNER);
        assertThatThrownBy(() -> Role.parse("builder"))
                .hasMessage("--role 'builder' is not one of orchestrator, signer, target, cli");
    }

    @Test
    void anErrorsFixIsWhatFollowsItsFirstSemicolon() {
        Finding f = Messages.failure("bucket", "bucket b does not exist at x; create it or set FUSE_RELEASE_BUCKET");
        assertThat(f.detail()).isEqualTo("bucket b does not exist at x");
        assertThat(f.fix()).isEqualTo("create it or set FUSE_RELEASE_BUCKET");
        assertThat(Messages.failure("temporal", "no fix here").fix()).isNull();
    }
}
