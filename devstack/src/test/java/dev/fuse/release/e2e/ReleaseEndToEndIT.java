package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.git.ExampleRepository;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases the example project through the CLI against the embedded stack (Temporal test server
 * and S3Proxy on free ports, real sockets, the real worker building with cc), then checks every
 * published object against its recorded digest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseEndToEndIT {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static DevStack stack;
    static Map<String, String> env;
    static String commit;

    @BeforeAll
    static void startStack() throws Exception {
        commit = ExampleVariants.prepare(data.resolve("example-repo"), tree -> {});
        stack = DevStack.start(data, 0, 0);
        env = new HashMap<>(stack.env());
        env.put("FUSE_RELEASE_REPO", data.resolve("example-repo").toString());
        env.put("FUSE_RELEASE_HOME", HOME.toString());
        env.put("USER", "release-manager");
    }

    @AfterAll
    static void stopStack() throws Exception {
        stack.close();
    }

    static CliRun cli(String... args) {
        return CliRun.run(env, args);
    }

    static JsonNode status(String version) throws Exception {
        CliRun r = cli("status", version, "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return JSON.readTree(r.out());
    }

    static JsonNode awaitPhase(String version, String phase) throws Exception {
        return Await.phase(env, version, phase);
    }

    @Test
    @Order(1)
    void badInputIsRefusedWithASpecificMessageAndNoWorkflow() {
        CliRun malformed = cli("start", "--version", "4.0", "--revision", "main");
        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(malformed.err()).contains("malformed version '4.0'").contains("MAJOR.MINOR.PATCH");

        CliRun target = cli("start", "--version", "0.4.0", "--revision", "main", "--target", "linux-x64,solaris-sparc");
        assertThat(target.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(target.err()).contains("unknown target 'solaris-sparc'");

        CliRun staticWindows = cli("start", "--version", "0.4.0", "--revision", "main", "--static", "windows-x64");
        assertThat(staticWindows.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(staticWindows.err())
                .contains("static linking is only supported for linux-x64 (asked for windows-x64)");

        CliRun noRevision = cli("start", "--version", "0.4.0");
        assertThat(noRevision.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noRevision.err()).contains("missing revision: pass --revision");

        CliRun unknownRevision = cli("start", "--version", "0.4.0", "--revision", "no-such-branch");
        assertThat(unknownRevision.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknownRevision.err()).contains("revision 'no-such-branch' does not exist");

        Map<String, String> badEpoch = new HashMap<>(env);
        badEpoch.put("SOURCE_DATE_EPOCH", "yesterday");
        CliRun epoch = CliRun.run(badEpoch, "start", "--version", "0.4.0", "--revision", "main");
        assertThat(epoch.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(epoch.err())
                .contains("SOURCE_DATE_EPOCH must be a plain integer")
                .contains("the SOURCE_DATE_EPOCH variable");

        CliRun unknownRelease = cli("status", "0.0.1");
        assertThat(unknownRelease.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);

        assertThat(cli("list").out()).contains("no releases yet");
    }

    @Test
    @Order(2)
    void aReleaseStartedWatchedAndApprovedFromTheCliIsPublishedAndVerifiable() throws Exception {
        CliRun started = cli("start", "--version", "0.4.0", "--revision", "main");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.out()).contains("started release 0.4.0: workflow fuse-release-0.4.0");

        CliRun again = cli("start", "--version", "0.4.0", "--revision", "main");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(again.err()).contains("already running or has completed");

        JsonNode waiting = awaitPhase("0.4.0", "AWAITING_APPROVAL");
        assertThat(waiting.path("revision").path("commit").asText()).isEqualTo(commit);
        assertThat(waiting.path("revision").path("sourceDateEpoch").asLong()).isEqualTo(ExampleRepository.COMMIT_EPOCH);
        assertThat(waiting.path("artifacts")).hasSize(7);

        CliRun noComment = cli("approve", "0.4.0");
        assertThat(noComment.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noComment.err()).contains("missing comment");

        String manifestSha = waiting.path("evidence")
                .path("metadata")
                .path("manifest")
                .path("sha256")
                .asText();
        // An uppercase digest names the same manifest.
        CliRun approved = cli(
                "approve",
                "0.4.0",
                "--approver",
                "alice",
                "--comment",
                "gates green",
                "--manifest-sha256",
                manifestSha.toUpperCase(java.util.Locale.ROOT));
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        CliRun watched = cli("watch", "0.4.0");
        assertThat(watched.exitCode()).as(watched.toString()).isZero();
        assertThat(watched.out())
                .contains("phase PUBLISHED")
                .contains("published at releases/0.4.0/")
                .contains("gates: GO")
                .contains("files:    s3://fuse-releases/releases/0.4.0/")
                .contains(
                        "./fuse-release download 0.4.0 --dir fuse-0.4.0 && cd fuse-0.4.0 && ssh-keygen -Y verify -f allowed_signers")
                .contains("./fuse-release verify 0.4.0");
        JsonNode gates = status("0.4.0").path("evidence").path("gates");
        assertThat(gates.path("go").asBoolean()).isTrue();
        assertThat(gates.path("gates")).hasSize(18);

        ArtifactStore store = stack.store();
        JsonNode done = status("0.4.0");
        String runId =
                done.path("artifacts").get(0).path("ref").path("key").asText().split("/")[2];
        String evidence = "releases/0.4.0/evidence/" + runId + "/";
        List<String> keys = store.listKeys("releases/0.4.0/");
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "releases/0.4.0/PUBLISHED.json",
                        "releases/0.4.0/SHA256SUMS",
                        "releases/0.4.0/SHA256SUMS.sig",
                        "releases/0.4.0/allowed_signers",
                        "releases/0.4.0/release-artifacts.json",
                        "releases/0.4.0/release-contract.json",
                        "releases/0.4.0/RELEASE_NOTES.md",
                        "releases/0.4.0/release-notes.json",
                        "releases/0.4.0/fuse-aot-0.4.0-linux-x64.tar.gz",
                        "releases/0.4.0/fuse-aot-0.4.0-macos-arm64.tar.gz",
                        "releases/0.4.0/fuse-aot-0.4.0-windows-x64.zip",
                        "releases/0.4.0/fuse-cli-0.4.0-linux-x64.tar.gz",
                        "releases/0.4.0/fuse-cli-0.4.0-macos-arm64.tar.gz",
                        "releases/0.4.0/fuse-cli-0.4.0-windows-x64.zip",
                        "releases/0.4.0/fuse-vscode-0.4.0.vsix",
                        evidence + "SHA256SUMS",
                        evidence + "approval.json",
                        evidence + "provenance.intoto.json",
                        evidence + "provenance.intoto.dsse.json",
                        evidence + "report.html",
                        evidence + "slo-report.json");
        assertThat(new String(store.getBytes(evidence + "report.html"), StandardCharsets.UTF_8))
                .contains("<h2>What changed</h2>")
                .contains("1 commit (first release)")
                .contains("Release contract unchanged.");
        for (JsonNode artifact : done.path("artifacts")) {
            String key = "releases/0.4.0/" + artifact.path("name").asText();
            byte[] bytes = store.getBytes(key);
            assertThat(Sha256.of(bytes))
                    .as(key)
                    .isEqualTo(artifact.path("ref").path("sha256").asText());
            assertThat((long) bytes.length)
                    .isEqualTo(artifact.path("ref").path("size").asLong());
        }

        CliRun downloaded =
                cli("download", "0.4.0", "--dir", data.resolve("download").toString());
        assertThat(downloaded.exitCode()).as(downloaded.toString()).isZero();
        Path download = data.resolve("download");
        assertThat(sha256sumCheck(download))
                .hasSize(11)
                .allSatisfy(l -> assertThat(l).endsWith(": OK"));
        assertThat(sha256sumCheck(download.resolve("evidence")))
                .hasSize(5)
                .allSatisfy(l -> assertThat(l).endsWith(": OK"));
        // Every published file is covered by one of the two checksum files, except the checksum files, the
        // marker and the signature of SHA256SUMS with its signer line (they vouch for SHA256SUMS itself).
        String sums = Files.readString(download.resolve("SHA256SUMS"))
                + Files.readString(download.resolve("evidence/SHA256SUMS"));
        for (String key : keys) {
            String name = key.substring(key.lastIndexOf('/') + 1);
            if (java.util.Set.of("SHA256SUMS", "PUBLISHED.json", "SHA256SUMS.sig", "allowed_signers")
                    .contains(name)) continue;
            assertThat(sums).as(key).contains("  " + name + "\n");
        }

        JsonNode provenance = JSON.readTree(store.getBytes(evidence + "provenance.intoto.json"));
        assertThat(provenance.path("subject")).hasSize(11);
        CliRun notes = cli("notes", "0.4.0");
        assertThat(notes.exitCode()).as(notes.toString()).isZero();
        assertThat(notes.out())
                .startsWith("# fuse 0.4.0")
                .contains("First release: 1 commit up to `" + commit.substring(0, 12) + "`")
                .contains("## Release contract");
        assertThat(notes.out())
                .startsWith(Files.readString(download.resolve("RELEASE_NOTES.md")))
                .contains("## Measured\n\nfirst release: nothing to compare with.")
                .contains("## Release gate checklist\n\n- [x] linux-x64 ")
                .endsWith("Verdict: **GO**\n");
        assertThat(cli("status", "0.4.0").out())
                .contains("notes: 1 commit (first release) (1 other); contract unchanged: ./fuse-release notes 0.4.0");
        assertThat(provenance
                        .path("predicate")
                        .path("runDetails")
                        .path("byproducts")
                        .findValuesAsText("name"))
                .contains("logs/0.4.0/" + runId + "/linux-x64/aot.log");

        JsonNode slo = JSON.readTree(store.getBytes(evidence + "slo-report.json"));
        assertThat(slo.path("verdict").asText()).isEqualTo("GO");
        JsonNode linux = slo.path("targets").get(0).path("measurement");
        assertThat(linux.path("aot").path("samplesMillis")).hasSize(ExampleVariants.QUICK_RUNS);
        assertThat(linux.path("protocol").path("commit").asText()).isEqualTo(commit);
        assertThat(linux.path("protocol").path("percentileMethod").asText()).isEqualTo("nearest-rank");
        JsonNode approval = JSON.readTree(store.getBytes(evidence + "approval.json"));
        JsonNode decision = approval.path("decisions").get(0);
        assertThat(decision.path("approver").asText()).isEqualTo("alice");
        assertThat(decision.path("decision").asText()).isEqualTo("approved");
        assertThat(decision.path("statement").asText())
                .isEqualTo("fuse-release approve 0.4.0 " + manifestSha + " "
                        + Sha256.of(store.getBytes(evidence + "slo-report.json")));
        assertThat(approval.path("requestedBy").asText()).isNotEqualTo("alice");
        assertThat(approval.path("manifestSha256").asText()).isEqualTo(manifestSha);
        assertThat(approval.path("evidence").findValuesAsText("sha256"))
                .containsExactly(
                        Sha256.of(store.getBytes(evidence + "slo-report.json")),
                        Sha256.of(store.getBytes(evidence + "report.html")));
        JsonNode marker = JSON.readTree(store.getBytes("releases/0.4.0/PUBLISHED.json"));
        assertThat(marker.path("runId").asText()).isEqualTo(runId);
        assertThat(marker.path("evidence").asText()).isEqualTo(evidence);

        JsonNode latest = JSON.readTree(store.getBytes("releases/latest.json"));
        assertThat(latest.path("version").asText()).isEqualTo("0.4.0");
        JsonNode manifest = JSON.readTree(store.getBytes("releases/0.4.0/release-artifacts.json"));
        assertThat(manifest.path("targets").findValuesAsText("emulated")).containsExactly("false", "true", "true");

        CliRun republish = cli("start", "--version", "0.4.0", "--revision", "main");
        assertThat(republish.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(republish.err()).contains("0.4.0 is already published");
    }

    @Test
    @Order(3)
    void aRejectedReleasePublishesNothing() throws Exception {
        assertThat(cli("start", "--version", "0.4.1", "--revision", "main").exitCode())
                .isZero();
        awaitPhase("0.4.1", "AWAITING_APPROVAL");
        CliRun rejected = cli("reject", "0.4.1", "--approver", "carol", "--comment", "hold for 0.4.2");
        assertThat(rejected.exitCode()).as(rejected.toString()).isZero();
        CliRun watched = cli("watch", "0.4.1");
        assertThat(watched.exitCode()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(watched.out()).contains("rejected: rejected by carol: hold for 0.4.2");
        assertThat(stack.store().listKeys("releases/0.4.1/")).isEmpty();
        assertThat(JSON.readTree(stack.store().getBytes("releases/latest.json"))
                        .path("version")
                        .asText())
                .isEqualTo("0.4.0");

        CliRun late = cli("approve", "0.4.1", "--comment", "changed my mind");
        assertThat(late.exitCode()).isEqualTo(ExitCodes.CONFLICT);

        CliRun list = cli("list");
        assertThat(list.out())
                .containsPattern("0\\.4\\.1 +no +REJECTED +FAILED")
                .containsPattern("0\\.4\\.0 +yes +PUBLISHED +COMPLETED");
    }

    @Test
    @Order(4)
    void aBadRecipeFailsPlanningWithEveryProblemAndStagesNothing() throws Exception {
        Path broken = data.resolve("broken-repo");
        ExampleVariants.prepare(broken, tree -> {});
        Path recipe = broken.resolve("fuse-release.json");
        Files.writeString(
                recipe,
                Files.readString(recipe)
                        .replace("\"recipeVersion\": 1", "\"recipeVersion\": 7")
                        .replace("\"node\": \"24\"", "\"node\": \"latest\""));
        git(broken, "commit", "-qam", "break the recipe");

        // start waits for planning, so the broken recipe is its own answer: exit 2, every problem named.
        CliRun started = cli("start", "--version", "0.5.0", "--revision", "main", "--repo", broken.toString());
        assertThat(started.exitCode()).as(started.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(started.err())
                .contains("release 0.5.0 failed in planning: invalid recipe")
                .contains("recipeVersion: must be 1")
                .contains("toolchain.node");
        assertThat(started.err().lines()).hasSize(1);
        CliRun watched = cli("watch", "0.5.0");
        assertThat(watched.exitCode()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(cli("list").out()).containsPattern("0\\.5\\.0 +no +FAILED +FAILED");
        assertThat(stack.store().listKeys("staging/0.5.0/")).isEmpty();
        assertThat(stack.store().listKeys("releases/0.5.0/")).isEmpty();
    }

    @Test
    @Order(5)
    void unreachableTemporalAndWrongCredentialsAreOneLineErrors() {
        Map<String, String> noTemporal = new HashMap<>(env);
        noTemporal.put("TEMPORAL_ADDRESS", "127.0.0.1:1");
        CliRun t = CliRun.run(noTemporal, "status", "0.4.0");
        assertThat(t.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(t.err().lines()).hasSize(1);

        Map<String, String> noHost = new HashMap<>(env);
        noHost.put("TEMPORAL_ADDRESS", "notahost.invalid:7233");
        CliRun unknownHost = CliRun.run(noHost, "status", "0.4.0", "--output", "json");
        assertThat(unknownHost.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(unknownHost.err().lines()).hasSize(1);
        assertThat(unknownHost.err())
                .contains("namespace default")
                .doesNotContain("null")
                .doesNotContain("Exception");
        assertThat(unknownHost.out()).contains("\"exitCode\" : 4");
        assertThat(t.err())
                .contains("Temporal at 127.0.0.1:1")
                .contains("unreachable")
                .contains("./fuse-release dev");

        Map<String, String> wrongKey = new HashMap<>(env);
        wrongKey.put("AWS_SECRET_ACCESS_KEY", "wrong");
        CliRun s = CliRun.run(wrongKey, "start", "--version", "0.6.0", "--revision", "main");
        assertThat(s.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(s.err()).contains("access denied").contains("AWS_SECRET_ACCESS_KEY");
        assertThat(s.err().lines()).hasSize(1);
    }

    /** {@code sha256sum -c SHA256SUMS} in {@code dir}, as a downloader runs it. */
    static List<String> sha256sumCheck(Path dir) throws Exception {
        Process check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p =
                new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }
}
