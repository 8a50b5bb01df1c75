package dev.fuse.release.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, as a new user runs it. */
class DemoIT {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @Test
    void demoWithApprovePublishesTheExampleAndChecksTheDownload(@TempDir Path data) throws Exception {
        CliRun demo = CliRun.run(
                Map.of("FUSE_RELEASE_HOME", HOME.toString(), "USER", "demo-user"),
                "demo",
                "--approve",
                "--data-dir",
                data.resolve("demo").toString());
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(demo.out())
                .contains("releasing fuse-hello 0.4.0")
                .contains("phase AWAITING_APPROVAL")
                .contains("notes: 1 commit (first release) (1 other); contract unchanged: ./fuse-release notes 0.4.0")
                .contains("gates: GO")
                .contains("published release 0.4.0 to s3://fuse-releases/releases/0.4.0/")
                .contains("fuse-vscode-0.4.0.vsix: OK")
                .contains("release-artifacts.json: OK")
                .contains("RELEASE_NOTES.md: OK")
                .contains("release-notes.json: OK")
                .contains("evidence/slo-report.json: OK");
        Path downloaded = data.resolve("demo/downloads/0.4.0");
        assertThat(Files.list(downloaded).count()).isEqualTo(16);
        assertThat(Files.list(downloaded.resolve("evidence")).count()).isEqualTo(6);

        CliRun again = CliRun.run(
                Map.of("FUSE_RELEASE_HOME", HOME.toString()),
                "demo",
                "--approve",
                "--data-dir",
                data.resolve("demo").toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(again.err()).contains("already holds a demo").contains("omit --data-dir");
    }
}
