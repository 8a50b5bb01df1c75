package dev.fuse.release.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.storage.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Argument handling and error mapping that need no server. */
class FuseReleaseCliTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FuseReleaseCli.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("FUSE_RELEASE_HOME", "/nonexistent"),
                args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void startWithoutAVersionIsBadInputAndPointsAtHelp() {
        Result r = run("start", "--revision", "main");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("Missing required option: '--version").contains("./fuse-release start --help");
    }

    @Test
    void aMissingRepositoryIsReportedBeforeAnyConnection() {
        Result r = run("start", "--version", "0.4.0", "--revision", "main");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("missing repository: pass --repo");
    }

    @Test
    void aBadApprovalTimeoutNamesTheOption() {
        Result r = run(
                "start", "--version", "0.4.0", "--revision", "main", "--repo", "/tmp", "--approval-timeout", "soon");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--approval-timeout 'soon'");
    }

    @Test
    void helpListsEveryCommand() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        for (String command : List.of("start", "status", "watch", "approve", "reject", "list")) {
            assertThat(r.out()).contains(command);
        }
    }

    @Test
    void durationsAcceptUnitsAndRefuseTheRest() {
        assertThat(Durations.parseSeconds("90s", "--x")).isEqualTo(90);
        assertThat(Durations.parseSeconds("36h", "--x")).isEqualTo(36 * 3600);
        assertThat(Durations.parseSeconds("7d", "--x")).isEqualTo(7 * 86400);
        assertThatThrownBy(() -> Durations.parseSeconds("0d", "--x")).hasMessageContaining("--x '0d'");
    }

    @Test
    void storeFailuresMapToExitCodesByKind() {
        assertThat(ErrorMapper.map(new StoreException(StoreException.Kind.UNREACHABLE, "down", null))
                        .exitCode())
                .isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(ErrorMapper.map(new StoreException(StoreException.Kind.ACCESS_DENIED, "no", null))
                        .exitCode())
                .isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(ErrorMapper.map(new StoreException(StoreException.Kind.CONFLICT, "exists", null))
                        .exitCode())
                .isEqualTo(ExitCodes.CONFLICT);
        assertThat(ErrorMapper.map(new IllegalStateException("bug")).exitCode()).isEqualTo(ExitCodes.INTERNAL);
    }

    @Test
    void anUnknownCommandPointsAtTheTopLevelHelp() {
        Result r = run("bogus");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("(see ./fuse-release --help)").doesNotContain("fuse-release fuse-release");
    }

    @Test
    void startHelpListsTheTargets() {
        Result r = run("start", "--help");
        assertThat(r.out())
                .contains("linux-x64, macos-arm64,")
                .contains("windows-x64")
                .doesNotContain("(default: all): .");
    }

    @Test
    void anErrorUnderOutputJsonIsStillJson() throws Exception {
        Result r = run("status", "0.4.0", "--output", "json", "--bogus");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        var error = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.out())
                .path("error");
        assertThat(error.path("exitCode").asInt()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(error.path("message").asText()).contains("--bogus");
    }

    @Test
    void decisionsWithControlCharactersOrHugeCommentsAreRefusedBeforeAnyConnection() {
        Result ansi = run("approve", "0.4.0", "--approver", "al\u001b[31mice", "--comment", "ok");
        assertThat(ansi.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ansi.err())
                .contains("approver name contains control characters")
                .doesNotContain("\u001b");
        Result huge = run("reject", "0.4.0", "--approver", "bob", "--comment", "x".repeat(120_000));
        assertThat(huge.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(huge.err()).contains("comment is 120000 characters; at most 2000");
    }

    @Test
    void typedFailuresChooseTheExitCodeThroughTheEnum() {
        assertThat(ErrorMapper.exitCodeOf("INVALID_RECIPE", 1)).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ErrorMapper.exitCodeOf("ALREADY_PUBLISHED", 1)).isEqualTo(ExitCodes.CONFLICT);
        assertThat(ErrorMapper.exitCodeOf("INVALID_DECISION", 3)).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ErrorMapper.exitCodeOf("WRONG_PHASE", 2)).isEqualTo(ExitCodes.CONFLICT);
        assertThat(ErrorMapper.exitCodeOf("BUILD_COMMAND_FAILED", 3)).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(ErrorMapper.exitCodeOf("SomethingElse", 1)).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        // A refusal's message is the text alone; its type is the failure type (SDK 1.39 keeps it).
        var refusal = dev.fuse.release.contract.FailureType.BAD_SIGNATURE.refusal("signature refused: truncated");
        assertThat(refusal.getOriginalMessage()).isEqualTo("signature refused: truncated");
        assertThat(refusal.getType()).isEqualTo("BAD_SIGNATURE");
    }
}
