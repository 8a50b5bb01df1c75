package dev.fuse.release.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.fuse.release.contract.ReleaseWorkflow;
import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.contract.model.Fixtures;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.ReleaseStatus;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reproducibility rebuild goes to another worker when one is alive, else to the shared queue. */
class IndependentRebuildTest {
    private final WorkflowTestBed bed = new WorkflowTestBed();

    @AfterEach
    void close() {
        bed.close();
    }

    private void linuxHasAnotherWorker(String queue) {
        when(bed.routing.chooseRebuilder(any()))
                .thenAnswer(inv -> inv.<dev.fuse.release.contract.model.RebuilderRequest>getArgument(0)
                                .platform()
                                .equals("linux-x64")
                        ? queue
                        : null);
    }

    @Test
    void theRebuildRunsOnTheOtherLiveWorkerAndTheStatusSaysSo() throws Exception {
        linuxHasAnotherWorker(TaskQueues.forWorker("linux-x64", WorkflowTestBed.OTHER_WORKER));
        when(bed.otherWorker.check(any()))
                .thenAnswer(inv ->
                        Fixtures.reproduced(inv.getArgument(0), false).withRebuiltBy(WorkflowTestBed.OTHER_WORKER));

        ReleaseStatus waiting =
                WorkflowTestBed.awaitPhase(bed.startRelease(Fixtures.request()), Phase.AWAITING_APPROVAL);

        verify(bed.otherWorker, times(1)).check(argThat(r -> r.target() == Target.LINUX_X64));
        verify(bed.reproducibility, never()).check(argThat(r -> r.target() == Target.LINUX_X64));
        verify(bed.routing)
                .chooseRebuilder(new dev.fuse.release.contract.model.RebuilderRequest("linux-x64", Fixtures.BUILDER));
        assertThat(waiting.targets())
                .filteredOn(t -> t.target() == Target.LINUX_X64)
                .extracting(TargetStatus::detail)
                .singleElement()
                .asString()
                .contains("rebuilt on another worker, " + WorkflowTestBed.OTHER_WORKER);
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "target-pipeline-linux-x64-rebuilt-elsewhere",
                Fixtures.request().workflowId() + "/linux-x64");
    }

    @Test
    void aChosenWorkerThatNeverTakesTheRebuildFallsBackToTheSharedQueue() throws Exception {
        linuxHasAnotherWorker(TaskQueues.forWorker("linux-x64", "gone-host:worker-9"));

        // The chosen worker has two heartbeat timeouts to take the task: 10 s with a 5 s timeout
        // (the test server does not skip this wait).
        ReleaseWorkflow release = bed.startRelease(WorkflowTestBed.linuxOnly(5L));
        WorkflowTestBed.awaitPhase(release, Phase.AWAITING_APPROVAL);

        verify(bed.reproducibility, times(1)).check(argThat(r -> r.target() == Target.LINUX_X64));
        HistoryRecorder.record(
                bed.env.getWorkflowClient(),
                "target-pipeline-linux-x64-rebuilder-gone",
                Fixtures.request().workflowId() + "/linux-x64");
    }
}
