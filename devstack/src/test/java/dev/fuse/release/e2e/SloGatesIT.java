package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.git.ExampleRepository;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gates do to a release: a variant that breaks one (the parity suite, which needs the JIT
 * baseline to diverge) stops before approval with the failing gate named in the status and in
 * the staged evidence, and nothing published; a static build passes and is recorded as static; a
 * relaxed threshold needs a rationale. Each gate's own verdict on a variant that breaks it is
 * decided at the activity level ({@code GateVariantsTest}).
 */
class SloGatesIT {
    @TempDir
    static Path data;

    static DevStack stack;
    static Map<String, String> env;

    @BeforeAll
    static void startStack() throws Exception {
        stack = DevStack.start(data, 0, 0);
        env = new HashMap<>(stack.env());
        env.put("FUSE_RELEASE_HOME", ExampleVariants.HOME.toString());
        env.put("USER", "gatekeeper");
    }

    @AfterAll
    static void stopStack() throws Exception {
        stack.close();
    }

    /** Starts a linux-x64 release of a variant of the example. */
    private static void startVariant(String version, ExampleRepository.Edit variant, String... extraArgs)
            throws Exception {
        Path repo = data.resolve("repo-" + version);
        ExampleVariants.prepare(repo, variant);
        CliRun started = CliRun.startLinuxX64(env, version, repo, extraArgs);
        assertThat(started.exitCode()).as(started.toString()).isZero();
    }

    private CliRun releaseVariant(String version, ExampleRepository.Edit variant) throws Exception {
        startVariant(version, variant);
        return CliRun.run(env, "watch", version);
    }

    private void assertNoGo(String version, CliRun watched, String gate, String detail) {
        assertThat(watched.exitCode()).as(watched.toString()).isEqualTo(ExitCodes.RELEASE_NOT_PUBLISHED);
        assertThat(watched.out())
                .contains("gates: NO-GO")
                .contains("FAIL linux-x64    " + gate)
                .contains("failed: NO-GO: linux-x64 " + gate)
                .contains(detail)
                .doesNotContain("AWAITING_APPROVAL");
        assertThat(stack.store().listKeys("releases/" + version + "/")).isEmpty();
        assertThat(stack.store().listKeys("staging/" + version + "/"))
                .anyMatch(k -> k.endsWith("/slo-report.json"))
                .anyMatch(k -> k.endsWith("/report.html"));
    }

    @Test
    void aParityDivergenceFailsTheParityGateNamingTheCase() throws Exception {
        assertNoGo(
                "0.9.3", releaseVariant("0.9.3", ExampleVariants::parityDivergence), "parity", "root: GET /: AOT 200");
    }

    @Test
    void aStaticLinuxBuildPassesTheGatesAndIsRecordedAsStatic() throws Exception {
        startVariant("0.7.0", tree -> {}, "--static", "linux-x64");
        JsonNode s = awaitDecisionOrEnd("0.7.0");
        assertThat(s.path("phase").asText()).as(s.toString()).isEqualTo("AWAITING_APPROVAL");
        JsonNode manifest = new ObjectMapper()
                .readTree(stack.store()
                        .getBytes(s.path("evidence")
                                .path("metadata")
                                .path("manifest")
                                .path("key")
                                .asText()));
        assertThat(manifest.path("targets").get(0).path("linkage").asText()).isEqualTo("static");
        JsonNode report = new ObjectMapper()
                .readTree(stack.store()
                        .getBytes(s.path("evidence")
                                .path("reports")
                                .path("json")
                                .path("key")
                                .asText()));
        assertThat(report.path("staticTargets").get(0).asText()).isEqualTo("linux-x64");
        assertThat(CliRun.run(env, "reject", "0.7.0", "--comment", "static build checked")
                        .exitCode())
                .isZero();
    }

    @Test
    void aThresholdRelaxedSinceTheLastReleaseNeedsARationale() throws Exception {
        startVariant("0.8.0", tree -> {});
        assertThat(awaitDecisionOrEnd("0.8.0").path("phase").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(CliRun.run(env, "approve", "0.8.0", "--approver", "reviewer", "--comment", "baseline")
                        .exitCode())
                .isZero();
        assertThat(CliRun.run(env, "watch", "0.8.0").exitCode()).isZero();

        // Planning refuses it, and start waits for planning: the refusal is start's own answer.
        Path repo = data.resolve("repo-0.8.1");
        ExampleVariants.prepare(repo, ExampleVariants::relaxedWithoutRationale);
        CliRun relaxed = CliRun.run(
                env,
                "start",
                "--version",
                "0.8.1",
                "--revision",
                "main",
                "--repo",
                repo.toString(),
                "--target",
                "linux-x64");
        assertThat(relaxed.exitCode()).as(relaxed.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(relaxed.err())
                .contains("slo.strippedBinaryMaxBytes relaxed from 25000000 to 30000000")
                .contains("since release 0.8.0")
                .contains("thresholdChangeRationale");
    }

    /** The status once the release waits for a decision. */
    private static JsonNode awaitDecisionOrEnd(String version) throws Exception {
        return Await.phase(env, version, "AWAITING_APPROVAL");
    }
}
