package dev.fuse.release.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.model.ReleaseRequest;
import dev.fuse.release.contract.model.ReleaseStatus;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every recorded history (workflows/src/test/resources/histories/) against today's
 * workflow code. A change that would break running releases (a new activity call, reordered
 * steps) fails here and must be guarded with Workflow.getVersion. Fixtures are added, never
 * replaced: {@code ./mvnw -pl workflows test -Dtest=ReleaseWorkflowTest
 * -Dfuse.recordHistories=$PWD/workflows/src/test/resources/histories} writes the next generation
 * of each path ({@link HistoryRecorder}).
 */
class ReplayTest {
    static final String RELEASE_ID = "fuse-release-0.4.0";

    static Stream<String> releaseHistories() throws Exception {
        return fixtures("release-");
    }

    static Stream<String> targetPipelineHistories() throws Exception {
        return fixtures("target-pipeline-");
    }

    @ParameterizedTest
    @MethodSource("releaseHistories")
    void releaseHistoriesReplay(String fixture) throws Exception {
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(read(fixture), RELEASE_ID);
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, ReleaseWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("targetPipelineHistories")
    void targetPipelineHistoriesReplay(String fixture) throws Exception {
        String target = fixture.replaceFirst("^target-pipeline-", "").replaceFirst("(-v\\d+)?\\.json$", "");
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(read(fixture), RELEASE_ID + "/" + target);
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, TargetPipelineWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    static Stream<String> rollbackHistories() throws Exception {
        return fixtures("rollback");
    }

    @ParameterizedTest
    @MethodSource("rollbackHistories")
    void rollbackHistoriesReplay(String fixture) throws Exception {
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(read(fixture), "fuse-rollback-0.5.0");
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, RollbackWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void everyPathHasARecordedHistory() throws Exception {
        List<String> all = fixtures("").toList();
        for (String path : List.of(
                "rollback",
                "release-cancelled",
                "release-cancelled-by-operator",
                "release-target-retried",
                "release-abandoned",
                "release-approved",
                "release-awaiting-approval",
                "release-approved-by-maintainer",
                "release-rejected",
                "release-expired",
                "release-target-failed",
                "release-notified-target-retried",
                "release-notified-given-up",
                "release-notified-expired",
                "release-notified-cancelled",
                "rollback-notified",
                "target-pipeline-linux-x64",
                "target-pipeline-macos-arm64",
                "target-pipeline-windows-x64")) {
            assertThat(all).as(path).anyMatch(f -> f.equals(path + ".json") || f.startsWith(path + "-v"));
        }
    }

    /** The negative twin: a workflow that gained a step must fail to replay a history without it. */
    @Test
    void aWorkflowChangedWithoutVersioningFailsToReplay() throws Exception {
        WorkflowExecutionHistory history =
                WorkflowExecutionHistory.fromJson(read(latest("release-approved")), RELEASE_ID);

        assertThatThrownBy(() ->
                        WorkflowReplayer.replayWorkflowExecution(history, ReleaseWorkflowWithAnUnversionedStep.class))
                .hasMessageContaining("NonDeterministicException");
    }

    /** Today's release workflow with a timer added in front, as a careless change would add it. */
    public static class ReleaseWorkflowWithAnUnversionedStep extends ReleaseWorkflowImpl {
        @Override
        public ReleaseStatus run(ReleaseRequest request) {
            Workflow.sleep(Duration.ofSeconds(1));
            return super.run(request);
        }
    }

    private static String latest(String path) throws Exception {
        return fixtures(path)
                .filter(f -> f.equals(path + ".json") || f.startsWith(path + "-v"))
                .max((a, b) -> Integer.compare(generation(a), generation(b)))
                .orElseThrow();
    }

    private static int generation(String fixture) {
        var m = java.util.regex.Pattern.compile("-v(\\d+)\\.json$").matcher(fixture);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private static Stream<String> fixtures(String prefix) throws IOException, URISyntaxException {
        Path dir = Path.of(ReplayTest.class.getResource("/histories").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static String read(String name) throws IOException {
        try (var in = ReplayTest.class.getResourceAsStream("/histories/" + name)) {
            if (in == null) throw new IOException("missing fixture /histories/" + name);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
