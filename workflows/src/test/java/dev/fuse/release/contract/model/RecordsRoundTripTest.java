package dev.fuse.release.contract.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every record that crosses Temporal survives its default data converter unchanged. */
class RecordsRoundTripTest {
    private final DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;

    private <T> void roundTrips(T value) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) value.getClass();
        Payload payload = converter.toPayload(value).orElseThrow();
        assertThat(converter.fromPayload(payload, type, type)).isEqualTo(value);
    }

    @Test
    void workflowAndActivityRecordsRoundTrip() {
        ReleasePlan plan = Fixtures.plan("run-1", true);
        TargetBuildRequest buildRequest = new TargetBuildRequest(plan, Target.WINDOWS_X64);
        TargetBuildResult built = Fixtures.built(buildRequest, true);
        MetadataResult metadata = Fixtures.metadata(plan);
        ApprovalDecision decision =
                new ApprovalDecision("bob", "gates green", metadata.manifest().sha256());
        List<Object> values = List.of(
                Fixtures.request(),
                plan,
                buildRequest,
                built,
                Fixtures.vsix(plan),
                new VerifyRequest("0.4.0", built.artifacts()),
                new VerifyResult(List.of("ok"), Fixtures.runtime(Target.WINDOWS_X64, List.of())),
                new ExtensionBuildRequest(plan),
                new MetadataRequest(plan, built.artifacts(), "wf/run", 1767225600000L, List.of(metadata.manifest())),
                metadata,
                new PublishRequest(
                        plan,
                        built.artifacts(),
                        metadata,
                        decision,
                        List.of(metadata.manifest()),
                        "alice",
                        List.of(),
                        List.of()),
                new PublishResult("releases/0.4.0/", List.of(metadata.manifest()), true),
                decision,
                new ReleaseStatus(
                        "0.4.0",
                        Phase.AWAITING_APPROVAL,
                        new ReleaseStatus.Revision(Fixtures.COMMIT, Fixtures.EPOCH),
                        List.of(new TargetStatus(Target.LINUX_X64, Stage.STAGED, false, "linux-x64", null)),
                        built.artifacts(),
                        new ReleaseStatus.Evidence(
                                metadata,
                                dev.fuse.release.policy.GateEvaluator.evaluate(
                                        Fixtures.SLO,
                                        List.of(new TargetEvidence(
                                                Target.WINDOWS_X64,
                                                Fixtures.measured(Target.WINDOWS_X64, 10),
                                                Fixtures.parity(Target.WINDOWS_X64, 0),
                                                Fixtures.runtime(Target.WINDOWS_X64, List.of())))),
                                null),
                        new ReleaseStatus.Approval(DecisionKind.APPROVED, decision),
                        new ReleaseStatus.Outcome(null, null),
                        List.of(new DeliveryStatus(
                                "e-1",
                                NotificationEvent.AWAITING_APPROVAL,
                                "#1 hooks.example.com",
                                DeliveryStatus.State.RETRYING,
                                2,
                                "HTTP 503"))),
                new Delivery(
                        0,
                        3,
                        Notification.of(
                                        NotificationEvent.AWAITING_APPROVAL,
                                        1_700_000_000_000L,
                                        new Notification.Subject("0.4.0", "run-1", Fixtures.COMMIT, "alice"))
                                .withId("e-1")
                                .withReason("windows-x64: build step 'aot' exited with status 1")
                                .withTargets(List.of("windows-x64"))
                                .withApproval(1_700_086_400_000L, 2)),
                DeliveryAttempt.failed(true, "connection refused"),
                new TargetProgress(Target.LINUX_X64, Stage.VERIFYING, "linux-x64", false, "note"),
                new TargetPipelineResult(
                        built,
                        new VerifyResult(List.of("ok"), Fixtures.runtime(Target.WINDOWS_X64, List.of())),
                        Fixtures.reproduced(
                                new ReproducibilityRequest(plan, Target.WINDOWS_X64, built.artifacts()), true),
                        Fixtures.measured(Target.WINDOWS_X64, 10),
                        Fixtures.parity(Target.WINDOWS_X64, 1)));
        values.forEach(this::roundTrips);
    }
}
