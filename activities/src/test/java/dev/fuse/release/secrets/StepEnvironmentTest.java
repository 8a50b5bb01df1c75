package dev.fuse.release.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step gets a clean environment: the allow-list, its own HOME and TMPDIR, what the recipe declares. */
class StepEnvironmentTest {
    @TempDir
    Path workspace;

    private static final Map<String, String> WORKER = Map.of(
            "PATH", "/usr/bin:/bin",
            "LANG", "C.UTF-8",
            "HOME", "/home/worker",
            "AWS_SECRET_ACCESS_KEY", "secret",
            "TEMPORAL_API_KEY", "api-key",
            "FUSE_RELEASE_SIGNING_KEY", "/etc/fuse/release-key",
            "CARGO_HOME", "/opt/cargo",
            "UNRELATED", "value");

    @Test
    void nothingOfTheWorkersOwnReachesAStep() throws Exception {
        Map<String, String> env = StepEnvironment.of(workspace, WORKER, List.of(), Map.of("SOURCE_DATE_EPOCH", "1"));

        assertThat(env)
                .containsEntry("PATH", "/usr/bin:/bin")
                .containsEntry("LANG", "C.UTF-8")
                .containsEntry("HOME", workspace.resolve("home").toString())
                .containsEntry("TMPDIR", workspace.resolve("tmp").toString())
                .containsEntry("SOURCE_DATE_EPOCH", "1")
                .doesNotContainKeys(
                        "AWS_SECRET_ACCESS_KEY", "TEMPORAL_API_KEY", "FUSE_RELEASE_SIGNING_KEY", "UNRELATED");
        assertThat(env.values()).noneMatch(v -> v.contains("/etc/fuse/release-key"));
    }

    @Test
    void aVariableTheRecipeDeclaresIsPassed() throws Exception {
        Map<String, String> env = StepEnvironment.of(workspace, WORKER, List.of("CARGO_HOME"), Map.of());

        assertThat(env).containsEntry("CARGO_HOME", "/opt/cargo").doesNotContainKey("UNRELATED");
    }

    @Test
    void aRecipeMayNotAskForTheWorkersCredentials() {
        assertThat(StepEnvironment.refusal("AWS_SECRET_ACCESS_KEY"))
                .get()
                .asString()
                .contains("belongs to the worker");
        assertThat(StepEnvironment.refusal("temporal_api_key")).isPresent();
        assertThat(StepEnvironment.refusal("FUSE_RELEASE_SIGNING_KEY")).isPresent();
        assertThat(StepEnvironment.refusal("SSH_AUTH_SOCK")).isPresent();
        assertThat(StepEnvironment.refusal("CARGO_HOME")).isEmpty();
        assertThat(StepEnvironment.refusal("A=B")).get().asString().contains("not a variable name");
    }
}
