package dev.fuse.release.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories against today's workflow code. A change that would break running
 * releases (a new activity call, reordered steps) fails here, and must be guarded with
 * Workflow.getVersion. Refresh the fixtures only for intended, versioned changes:
 * {@code ./mvnw -pl workflows test -Dtest=ReleaseWorkflowTest#approvedReleaseIsPublishedWithTheDecision
 * -Dfuse.recordHistories=$PWD/workflows/src/test/resources/histories}
 */
class ReplayTest {

  /** v1: before the reproducibility check; v2: before the SLO stages; v3: current. */
  @ParameterizedTest
  @ValueSource(strings = {"release-approved.json", "release-approved-v2.json", "release-approved-v3.json"})
  void approvedReleaseHistoriesReplay(String fixture) throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(read(fixture), "fuse-release-0.4.0");
    assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, ReleaseWorkflowImpl.class))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"target-pipeline-linux-x64.json", "target-pipeline-linux-x64-v2.json", "target-pipeline-linux-x64-v3.json"})
  void targetPipelineHistoriesReplay(String fixture) throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(read(fixture), "fuse-release-0.4.0/linux-x64");
    assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, TargetPipelineWorkflowImpl.class))
        .doesNotThrowAnyException();
  }

  private static String read(String name) throws IOException {
    try (InputStream in = ReplayTest.class.getResourceAsStream("/histories/" + name)) {
      if (in == null) throw new IOException("missing fixture /histories/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
