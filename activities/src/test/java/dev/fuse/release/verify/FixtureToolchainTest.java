package dev.fuse.release.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.contract.model.RuntimeChecks;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.measure.ColdStartMeter;
import dev.fuse.release.parity.JUnitReport;
import dev.fuse.release.process.CommandRunner;
import dev.fuse.release.secrets.StepEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify, measure and parity building blocks against the example's real fixture toolchain. */
class FixtureToolchainTest {
    static final Path EXAMPLE =
            Path.of("../examples/fuse-hello").toAbsolutePath().normalize();

    @TempDir
    static Path out;

    static Path binary;

    @BeforeAll
    static void build() throws Exception {
        CommandRunner.Outcome o = CommandRunner.run(
                List.of(
                        "sh",
                        "toolchain/bin/fuse",
                        "build",
                        "--aot",
                        "--profile",
                        "release",
                        "--target",
                        "windows-x64",
                        "--version",
                        "0.4.0",
                        "--out",
                        out.toString()),
                EXAMPLE,
                StepEnvironment.forTool(out),
                Duration.ofMinutes(2),
                out.resolve("build.log"),
                () -> {});
        assertThat(o.succeeded()).as(o.tail()).isTrue();
        binary = out.resolve("hello-http.exe");
    }

    @Test
    void theFixtureBinaryPassesEveryRuntimeCheck() throws Exception {
        RuntimeChecks checks = RuntimeVerifier.check(binary, Target.WINDOWS_X64, "release");
        assertThat(checks.problems()).isEmpty();
        assertThat(checks.buildInfo())
                .containsEntry("target", "windows-x64")
                .containsEntry("profile", "release")
                .containsKeys(RuntimeVerifier.BUILD_INFO_KEYS.toArray(String[]::new));
    }

    @Test
    void aMismatchedTargetOrProfileIsAProblem() throws Exception {
        RuntimeChecks checks = RuntimeVerifier.check(binary, Target.LINUX_X64, "debug");
        assertThat(checks.problems())
                .containsExactly(
                        "build info target 'windows-x64' but linux-x64 was built",
                        "build info profile 'release' but the release uses 'debug'");
    }

    @Test
    void coldStartIsMeasuredToTheFirstHttp200() throws Exception {
        double millis = ColdStartMeter.sampleMillis(List.of(binary.toString()), out, Map.of(), Duration.ofSeconds(10));
        assertThat(millis).isPositive().isLessThan(10_000);
    }

    @Test
    void theParitySuiteWritesAJUnitReportThatReads() throws Exception {
        Path report = out.resolve("parity.xml");
        CommandRunner.Outcome o = CommandRunner.run(
                List.of(
                        "sh",
                        "toolchain/bin/fuse",
                        "parity",
                        "--aot",
                        binary.toString(),
                        "--report",
                        report.toString()),
                EXAMPLE,
                StepEnvironment.forTool(out),
                Duration.ofMinutes(2),
                out.resolve("parity.log"),
                () -> {});
        assertThat(o.succeeded()).as(o.tail()).isTrue();
        JUnitReport.Summary s = JUnitReport.read(report);
        assertThat(s.tests()).isEqualTo(4);
        assertThat(s.failures()).isEmpty();
        assertThat(Files.readString(report)).contains("name=\"nested-path\"");
    }
}
