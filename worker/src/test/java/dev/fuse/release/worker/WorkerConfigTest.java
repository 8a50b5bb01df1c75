package dev.fuse.release.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {
    private static Map<String, String> targetWorker(String targets, String emulate) {
        return Map.of(
                "FUSE_RELEASE_ORCHESTRATOR", "false",
                "FUSE_RELEASE_TARGETS", targets,
                "FUSE_RELEASE_EMULATE", emulate);
    }

    @Test
    void platformsAreServedAsListedWhenEmulationAllowsThem() {
        WorkerConfig config =
                WorkerConfig.fromEnvironment(targetWorker("synthetic,windows-x64", "windows-x64,synthetic"));
        assertThat(config.targets()).containsExactlyInAnyOrder("synthetic", "windows-x64");
        assertThat(config.emulated()).containsExactlyInAnyOrder("synthetic", "windows-x64");
    }

    @Test
    void holdingTheReleaseKeyIsWhatMakesASignerAndAnOrchestratorNeedsNone() {
        WorkerConfig orchestrator = WorkerConfig.fromEnvironment(Map.of("FUSE_RELEASE_TARGETS", "none"));
        assertThat(orchestrator.orchestrator()).isTrue();
        assertThat(orchestrator.signer()).isFalse();

        WorkerConfig signer = WorkerConfig.fromEnvironment(Map.of(
                "FUSE_RELEASE_TARGETS", "none",
                "FUSE_RELEASE_ORCHESTRATOR", "false",
                "FUSE_RELEASE_SIGNING_KEY", "/etc/fuse-release/release-key"));
        assertThat(signer.signer()).isTrue();
        assertThat(signer.orchestrator()).isFalse();
        assertThat(signer.targets()).isEmpty();

        assertThatThrownBy(() -> WorkerConfig.fromEnvironment(
                        Map.of("FUSE_RELEASE_TARGETS", "none", "FUSE_RELEASE_ORCHESTRATOR", "false")))
                .hasMessage("this worker would serve no queue: set FUSE_RELEASE_TARGETS, FUSE_RELEASE_ORCHESTRATOR=true"
                        + " or (a signer) FUSE_RELEASE_SIGNING_KEY");
    }

    @Test
    void syntheticTargetsAreOnlyEverEmulatedAndTheErrorSaysSo() {
        assertThatThrownBy(() -> WorkerConfig.fromEnvironment(targetWorker("synthetic", "")))
                .hasMessage("FUSE_RELEASE_TARGETS names synthetic, whose targets are only ever emulated: add synthetic"
                        + " to FUSE_RELEASE_EMULATE (scale drills only)");
        assertThatThrownBy(() -> WorkerConfig.fromEnvironment(targetWorker("synthetic-07", "")))
                .hasMessageContaining("FUSE_RELEASE_TARGETS: unknown target 'synthetic-07' (use linux-x64, macos-arm64,"
                        + " windows-x64, synthetic)");
    }

    @Test
    void theShutdownGraceIsReadAndAnUnreadableOneIsRefusedWithTheFix() {
        Map<String, String> env = new HashMap<>(targetWorker("synthetic", "synthetic"));
        assertThat(WorkerConfig.fromEnvironment(env).shutdownGrace()).isEqualTo(WorkerConfig.DEFAULT_SHUTDOWN_GRACE);
        env.put("FUSE_RELEASE_SHUTDOWN_GRACE", "45s");
        assertThat(WorkerConfig.fromEnvironment(env).shutdownGrace()).hasSeconds(45);
        env.put("FUSE_RELEASE_SHUTDOWN_GRACE", "0s");
        assertThat(WorkerConfig.fromEnvironment(env).shutdownGrace()).isZero();
        env.put("FUSE_RELEASE_SHUTDOWN_GRACE", "forever");
        assertThatThrownBy(() -> WorkerConfig.fromEnvironment(env))
                .hasMessageContaining("FUSE_RELEASE_SHUTDOWN_GRACE is 'forever'; give 0s to 1h");
    }

    @Test
    void webhookSettingsAreValidatedWithTheRestAndNeverEchoTheAddress() {
        Map<String, String> env = new HashMap<>(targetWorker("synthetic", "synthetic"));
        env.put("FUSE_RELEASE_NOTIFY", "http://hooks.example.com/T0KEN-abc");
        assertThatThrownBy(() -> WorkerConfig.fromEnvironment(env))
                .hasMessageContaining("entry 1 (host hooks.example.com) is plain http")
                .hasMessageContaining("FUSE_RELEASE_NOTIFY_SECRET is not")
                .hasMessageNotContaining("T0KEN");
    }
}
