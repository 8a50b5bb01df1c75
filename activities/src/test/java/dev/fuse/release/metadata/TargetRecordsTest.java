package dev.fuse.release.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactRef;
import dev.fuse.release.contract.model.BuildHost;
import dev.fuse.release.contract.model.MetadataRequest;
import dev.fuse.release.contract.model.RecordTargetRequest;
import dev.fuse.release.contract.model.ReleasePlan;
import dev.fuse.release.contract.model.SloReportRequest;
import dev.fuse.release.contract.model.StepResult;
import dev.fuse.release.contract.model.TargetBuildResult;
import dev.fuse.release.contract.model.TargetEvidence;
import dev.fuse.release.contract.model.TargetPipelineResult;
import dev.fuse.release.contract.model.TargetRecordRef;
import dev.fuse.release.contract.model.VerifyResult;
import dev.fuse.release.failure.PipelineException;
import dev.fuse.release.report.ReportFixtures;
import dev.fuse.release.report.SloFigures;
import dev.fuse.release.storage.ArtifactStore;
import dev.fuse.release.storage.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request that names kept records expands to exactly the request that listed everything. */
class TargetRecordsTest {
    private final InMemoryObjectStore bucket = new InMemoryObjectStore("fuse-releases");
    private final TargetRecords records = new TargetRecords(new ArtifactStore(bucket));
    private final ReleasePlan plan = ReleaseMetadataTest.plan("run-r");
    private final List<Artifact> all = ReleaseMetadataTest.artifacts("run-r");
    private final SloFigures figures = ReportFixtures.request(2_000_000);

    private List<TargetRecordRef> keepAll(List<ArtifactRef> logs) {
        List<TargetRecordRef> refs = new ArrayList<>();
        for (TargetEvidence e : figures.evidence()) {
            ArtifactRef log = new ArtifactRef(
                    "fuse-releases", plan.stagingPrefix() + "logs/" + e.target() + ".log", "c".repeat(64), 10);
            logs.add(log);
            List<Artifact> own =
                    all.stream().filter(a -> e.target().id().equals(a.target())).toList();
            TargetBuildResult built = new TargetBuildResult(
                    e.target(),
                    new BuildHost("linux-x64", true),
                    List.of(new StepResult("aot", 0, 5, log, "")),
                    own,
                    5);
            TargetPipelineResult result = new TargetPipelineResult(
                    built, new VerifyResult(List.of("ok"), e.runtime()), null, e.measure(), e.parity());
            refs.add(records.write(new RecordTargetRequest(plan.stagingPrefix(), e.target(), result)));
        }
        return refs;
    }

    @Test
    void metadataAndReportRequestsExpandToTheFullyListedOnes() {
        List<ArtifactRef> logs = new ArrayList<>();
        List<TargetRecordRef> refs = keepAll(logs);
        ArtifactRef report =
                new ArtifactRef("fuse-releases", plan.stagingPrefix() + "slo-report.json", "d".repeat(64), 9);
        List<Artifact> vsix = all.stream().filter(a -> a.target() == null).toList();

        MetadataRequest expanded = records.expand(new MetadataRequest(plan, vsix, "wf/run", 1L, List.of(report), refs));

        List<ArtifactRef> evidence = new ArrayList<>(logs);
        evidence.add(report);
        assertThat(expanded)
                .isEqualTo(new MetadataRequest(
                        plan, dev.fuse.release.policy.ArtifactOrder.sorted(all), "wf/run", 1L, evidence));
        SloFigures report2 = records.expand(new SloReportRequest(plan, refs));
        assertThat(report2.evidence()).isEqualTo(figures.evidence());
        assertThat(report2.gates()).isEqualTo(figures.gates());
    }

    @Test
    void aRecordChangedAfterItWasKeptIsRefused() {
        List<TargetRecordRef> refs = keepAll(new ArrayList<>());
        String key = TargetRecordRef.key(plan.stagingPrefix(), refs.get(1).target());
        bucket.tamper(key, "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> records.expand(new MetadataRequest(plan, List.of(), "wf/run", 1L, List.of(), refs)))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.type()).isEqualTo(FailureType.DIGEST_MISMATCH))
                .hasMessageContaining("target record " + key + " changed after it was kept");
    }
}
