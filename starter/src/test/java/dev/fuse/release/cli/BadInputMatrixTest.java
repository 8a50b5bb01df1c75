package dev.fuse.release.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, table-driven: each case gives an exit code, a specific one-line message (no stack
 * trace), and with {@code --output json} (where the command has it) valid JSON carrying the same
 * code. Temporal and S3 point at a closed loopback port, so a case that would connect shows as
 * "unreachable" (exit 4), never a hang; end-to-end cases on a running stack are in HostileInputIT.
 */
class BadInputMatrixTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> ENV = Map.of(
            "FUSE_RELEASE_HOME", "/nonexistent",
            "TEMPORAL_ADDRESS", "127.0.0.1:1",
            "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1",
            "AWS_ACCESS_KEY_ID", "matrix",
            "AWS_SECRET_ACCESS_KEY", "matrix-secret");
    static final String SHA = "a".repeat(64);

    record Case(String name, int code, String message, boolean json, String... args) {}

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String[] start = {"start", "--revision", "main", "--repo", "/tmp", "--version"};
        c.add(new Case("version with a path", 2, "malformed version '../x'", false, with(start, "../x")));
        c.add(new Case(
                "version with shell metacharacters",
                2,
                "malformed version '0.4.0;rm -rf /'",
                false,
                with(start, "0.4.0;rm -rf /")));
        c.add(new Case("version of 300 characters", 2, "malformed version '1111", false, with(start, "1".repeat(300))));
        c.add(new Case("version in full-width digits", 2, "malformed version '０.４.０'", false, with(start, "０.４.０")));
        c.add(new Case("empty version", 2, "malformed version ''", false, with(start, "")));
        c.add(new Case("version with a newline", 2, "malformed version '0.4.0\\n1'", false, with(start, "0.4.0\n1")));
        c.add(new Case("two-part version", 2, "malformed version '1.2'", false, with(start, "1.2")));
        String[] ok = {"start", "--version", "0.4.0", "--repo", "/tmp"};
        c.add(new Case("empty revision", 2, "missing revision", false, with(ok, "--revision", "")));
        c.add(new Case(
                "revision that looks like an option",
                2,
                "must not start with '-'",
                false,
                with(ok, "--revision", "--upload-pack=evil")));
        c.add(new Case(
                "missing repository",
                2,
                "missing repository: pass --repo",
                false,
                "start",
                "--version",
                "0.4.0",
                "--revision",
                "main"));
        String[] okr = {"start", "--version", "0.4.0", "--repo", "/tmp", "--revision", "main"};
        c.add(new Case(
                "notes base without a reason",
                2,
                "--notes-since needs --reason <why the previous release is not the right base>",
                false,
                with(okr, "--notes-since", "0.3.0")));
        c.add(new Case(
                "reason without a notes base",
                2,
                "--reason explains --notes-since and means nothing without it",
                false,
                with(okr, "--reason", "because")));
        c.add(new Case(
                "notes base that looks like an option",
                2,
                "--notes-since '--exec=x' is not a version or a commit",
                false,
                with(okr, "--notes-since=--exec=x", "--reason", "r")));
        c.add(new Case(
                "unknown target", 2, "unknown target 'solaris-sparc'", false, with(okr, "--target", "solaris-sparc")));
        c.add(new Case(
                "repeated target", 2, "name a target twice", false, with(okr, "--target", "linux-x64,linux-x64")));
        c.add(new Case(
                "negative SOURCE_DATE_EPOCH",
                2,
                "SOURCE_DATE_EPOCH must not be negative",
                false,
                with(okr, "--source-date-epoch", "-5")));
        c.add(new Case(
                "non-numeric SOURCE_DATE_EPOCH",
                2,
                "got 'yesterday'",
                false,
                with(okr, "--source-date-epoch", "yesterday")));
        c.add(new Case(
                "SOURCE_DATE_EPOCH before 1980",
                2,
                "SOURCE_DATE_EPOCH 100 is outside 315532800",
                false,
                with(okr, "--source-date-epoch", "100")));
        c.add(new Case(
                "SOURCE_DATE_EPOCH far in the future",
                2,
                "is outside 315532800",
                false,
                with(okr, "--source-date-epoch", "99999999999")));
        c.add(new Case(
                "static link of windows",
                2,
                "static linking is only supported for linux-x64",
                false,
                with(okr, "--static", "windows-x64")));
        c.add(new Case(
                "negative operator window",
                2,
                "--operator-window '-1d'",
                false,
                with(okr, "--operator-window", "-1d")));
        c.add(new Case(
                "approval timeout in words",
                2,
                "--approval-timeout 'soon'",
                false,
                with(okr, "--approval-timeout", "soon")));
        c.add(new Case(
                "requester with an escape sequence",
                2,
                "requester name must be plain text",
                false,
                with(okr, "--requested-by", "a\u001b[31mb")));
        c.add(new Case(
                "approve without comment", 2, "missing comment", false, "approve", "0.4.0", "--approver", "bob"));
        c.add(new Case(
                "approver with an escape sequence",
                2,
                "approver name contains control characters",
                false,
                "approve",
                "0.4.0",
                "--approver",
                "al\u001b[31mice",
                "--comment",
                "ok"));
        c.add(new Case(
                "comment of 120,000 characters",
                2,
                "comment is 120000 characters",
                false,
                "reject",
                "0.4.0",
                "--approver",
                "bob",
                "--comment",
                "x".repeat(120_000)));
        c.add(new Case(
                "comment with a bidi override",
                2,
                "comment contains control characters",
                false,
                "reject",
                "0.4.0",
                "--approver",
                "bob",
                "--comment",
                "\u202eevil"));
        c.add(new Case(
                "manifest digest not hex",
                2,
                "--manifest-sha256 must be 64 hexadecimal digits",
                false,
                "approve",
                "0.4.0",
                "--approver",
                "bob",
                "--comment",
                "ok",
                "--manifest-sha256",
                "xyz"));
        c.add(new Case(
                "evidence digest too short",
                2,
                "--evidence-sha256 must be 64 hexadecimal digits",
                false,
                "approve",
                "0.4.0",
                "--approver",
                "bob",
                "--comment",
                "ok",
                "--evidence-sha256",
                "12"));
        c.add(new Case(
                "signing key that does not exist",
                2,
                "--key /nonexistent/key is not a readable file",
                false,
                "approve",
                "0.4.0",
                "--comment",
                "ok",
                "--key",
                "/nonexistent/key",
                "--manifest-sha256",
                SHA));
        c.add(new Case(
                "approve a malformed version",
                2,
                "malformed version 'latest'",
                false,
                "approve",
                "latest",
                "--approver",
                "bob",
                "--comment",
                "ok"));
        c.add(new Case("retry without reason", 2, "missing reason", true, "retry", "0.4.0", "linux-x64"));
        c.add(new Case(
                "retry an unknown target",
                2,
                "unknown target 'plan9'",
                true,
                "retry",
                "0.4.0",
                "plan9",
                "--reason",
                "x"));
        c.add(new Case("abandon without reason", 2, "missing reason", true, "abandon", "0.4.0"));
        c.add(new Case("rollback without reason", 2, "missing reason", true, "rollback", "0.4.0"));
        c.add(new Case(
                "rollback to a path",
                2,
                "malformed --to version '../../etc'",
                true,
                "rollback",
                "0.4.0",
                "--reason",
                "x",
                "--to",
                "../../etc"));
        c.add(new Case("status of a path", 2, "malformed version '../x'", true, "status", "../x"));
        c.add(new Case(
                "download with shell metacharacters", 2, "malformed version '0.4.0;ls'", true, "download", "0.4.0;ls"));
        c.add(new Case("watch a two-part version", 2, "malformed version '1.2'", true, "watch", "1.2"));
        c.add(new Case("cancel a malformed version", 2, "malformed version '0.4'", true, "cancel", "0.4"));
        c.add(new Case("cancel without reason", 2, "missing reason: pass --reason", true, "cancel", "0.4.0"));
        c.add(new Case(
                "verify with a folder as allowed signers",
                2,
                "cannot read allowed signers /tmp: it is a directory",
                true,
                "verify",
                "0.4.0",
                "--allowed-signers",
                "/tmp"));
        c.add(new Case(
                "unknown output format",
                2,
                "expected one of [text, json]",
                false,
                "status",
                "0.4.0",
                "--output",
                "yaml"));
        c.add(new Case(
                "verify without version or --all", 2, "name one release version, or pass --all", true, "verify"));
        c.add(new Case(
                "verify a version and --all",
                2,
                "name one release version, or pass --all",
                true,
                "verify",
                "0.4.0",
                "--all"));
        c.add(new Case(
                "verify with a missing allowed-signers file",
                2,
                "allowed signers file /nonexistent does not exist",
                true,
                "verify",
                "0.4.0",
                "--allowed-signers",
                "/nonexistent"));
        c.add(new Case("unknown command", 2, "Unmatched argument at index 0: 'frobnicate'", false, "frobnicate"));
        c.add(new Case("unknown option", 2, "Unknown option: '--bogus'", false, "status", "0.4.0", "--bogus"));
        c.add(new Case(
                "Temporal unreachable",
                4,
                "Temporal at 127.0.0.1:1 (namespace default) is unreachable",
                true,
                "status",
                "0.4.0"));
        c.add(new Case("Temporal unreachable for list", 4, "is unreachable", true, "list"));
        c.add(new Case("S3 unreachable for download", 4, "S3 endpoint http://127.0.0.1:1", true, "download", "0.4.0"));
        return c;
    }

    static Stream<Arguments> matrix() {
        return cases().stream().map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachBadInputGetsItsOwnOneLineMessageAndExitCode(String name, Case c) throws Exception {
        String[] out = run(c.args());
        int code = Integer.parseInt(out[0]);
        assertThat(code).as(name + ": " + out[2]).isEqualTo(c.code());
        assertThat(out[2])
                .as(name)
                .contains(c.message())
                .doesNotContain("\tat ")
                .doesNotContain("Exception:");
        assertThat(out[2].strip().lines().count())
                .as(name + " is one line: " + out[2])
                .isEqualTo(1);
        assertThat(out[2])
                .as("no terminal escape reaches the screen")
                .doesNotContain("\u001b")
                .doesNotContain("\u202e");
        if (c.json()) {
            String[] json = run(with(c.args(), "--output", "json"));
            JsonNode error = JSON.readTree(json[1]).path("error");
            assertThat(error.path("exitCode").asInt())
                    .as(name + " (json): " + json[1])
                    .isEqualTo(c.code());
            assertThat(error.path("message").asText()).contains(c.message());
            assertThat(error.fieldNames()).toIterable().containsExactly("message", "exitCode");
        }
    }

    @Test
    void anAllowedSignersVariableSetButEmptyCountsAsUnset() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("FUSE_RELEASE_ALLOWED_SIGNERS", "");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = FuseReleaseCli.run(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                "verify",
                "0.4.0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no trusted release key: pass --allowed-signers FILE")
                .doesNotContain("Is a directory");
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FuseReleaseCli.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                ENV,
                args);
        return new String[] {
            String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)
        };
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
