package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.Failures;
import dev.fuse.release.contract.ReleaseWorkflow;
import dev.fuse.release.contract.TargetPipelineWorkflow;
import dev.fuse.release.contract.TaskQueues;
import dev.fuse.release.contract.activity.BuildActivities;
import dev.fuse.release.contract.activity.MeasureActivities;
import dev.fuse.release.contract.activity.MetadataActivities;
import dev.fuse.release.contract.activity.ParityActivities;
import dev.fuse.release.contract.activity.VerifyActivities;
import dev.fuse.release.contract.model.Artifact;
import dev.fuse.release.contract.model.ArtifactType;
import dev.fuse.release.contract.model.MeasureRequest;
import dev.fuse.release.contract.model.MeasureResult;
import dev.fuse.release.contract.model.ParityRequest;
import dev.fuse.release.contract.model.ParityResult;
import dev.fuse.release.contract.model.RecordTargetRequest;
import dev.fuse.release.contract.model.ReproducibilityRequest;
import dev.fuse.release.contract.model.ReproducibilityResult;
import dev.fuse.release.contract.model.Stage;
import dev.fuse.release.contract.model.Target;
import dev.fuse.release.contract.model.TargetBuildRequest;
import dev.fuse.release.contract.model.TargetBuildResult;
import dev.fuse.release.contract.model.TargetPipelineResult;
import dev.fuse.release.contract.model.TargetProgress;
import dev.fuse.release.contract.model.VerifyRequest;
import dev.fuse.release.contract.model.VerifyResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.Optional;

/**
 * build -> verify -> reproducibility check -> measure -> parity, on the target's own queue, reporting each stage to the
 * parent release.
 */
public class TargetPipelineWorkflowImpl implements TargetPipelineWorkflow {
    private ActivityOptionsCatalog options;

    @Override
    public TargetPipelineResult run(TargetBuildRequest request) {
        options = ActivityOptionsCatalog.forRun(request.heartbeatTimeoutSeconds());
        Target target = request.target();
        String queue = TaskQueues.forTarget(target);
        String version = request.plan().version();

        BuildActivities build = Workflow.newActivityStub(
                BuildActivities.class, options.build(queue, "build " + target.id() + " " + version));
        VerifyActivities verify =
                Workflow.newActivityStub(VerifyActivities.class, options.verify(queue, "verify staged " + target.id()));

        report(target, Stage.BUILDING, null, false, "queue " + queue);
        try {
            TargetBuildResult built = build.buildTarget(request);
            String host = built.host().hostClass();
            boolean emulated = built.host().emulated();
            report(target, Stage.VERIFYING, host, emulated, null);
            VerifyResult verified = verify.verifyStaged(new VerifyRequest(version, built.artifacts()));
            ReproducibilityResult reproduced = reproduce(request, built, queue);
            MeasureResult measured = null;
            ParityResult parity = null;
            Artifact aot = built.artifacts().stream()
                    .filter(a -> a.type() == ArtifactType.AOT)
                    .findFirst()
                    .orElse(null);
            if (request.plan().slo() != null && aot != null) {
                report(target, Stage.MEASURING, host, emulated, "cold start AOT vs JIT, size, build time");
                measured = Workflow.newActivityStub(
                                MeasureActivities.class, options.measure(queue, "measure " + target.id()))
                        .measure(new MeasureRequest(request.plan(), target, aot, built.buildMillis()));
                report(target, Stage.PARITY, host, emulated, "parity suite AOT vs JIT");
                parity = Workflow.newActivityStub(
                                ParityActivities.class, options.measure(queue, "parity " + target.id()))
                        .run(new ParityRequest(request.plan(), target, aot));
            }
            TargetPipelineResult result =
                    keep(request, new TargetPipelineResult(built, verified, reproduced, measured, parity));
            report(target, Stage.STAGED, host, emulated, stagedNote(built, reproduced));
            return result;
        } catch (ActivityFailure | ApplicationFailure e) {
            report(target, Stage.FAILED, null, false, Failures.rootMessage(e));
            throw e;
        }
    }

    /** The second, independent build; null when the recipe turns it off. */
    private ReproducibilityResult reproduce(TargetBuildRequest request, TargetBuildResult built, String queue) {
        Target target = request.target();
        if (!request.plan().reproducibilityCheck()) {
            return null;
        }
        report(
                target,
                Stage.REPRODUCING,
                built.host().hostClass(),
                built.host().emulated(),
                "second build in a clean workspace");
        ReproducibilityResult reproduced = new IndependentRebuild(options, target, queue)
                .run(built, new ReproducibilityRequest(request.plan(), target, built.artifacts()));
        failOnMismatch(request, reproduced);
        return reproduced;
    }

    /** What the status says of a staged target: how many artifacts, and whether (and where) they reproduced. */
    private static String stagedNote(TargetBuildResult built, ReproducibilityResult reproduced) {
        return built.artifacts().size() + " artifacts staged"
                + (reproduced == null
                        ? ""
                        : (reproduced.mismatches().isEmpty() ? ", reproduced" : ", NOT reproducible")
                                + IndependentRebuild.where(built, reproduced));
    }

    /**
     * Keeps the result in staging so that the release's later stages take its digest instead of
     * its lists (see {@code Gathered}).
     */
    private TargetPipelineResult keep(TargetBuildRequest request, TargetPipelineResult result) {
        MetadataActivities records =
                Workflow.newActivityStub(MetadataActivities.class, options.recordTarget(request.target()));
        return result.withRecord(records.recordTarget(
                new RecordTargetRequest(request.plan().stagingPrefix(), request.target(), result)));
    }

    private static void failOnMismatch(TargetBuildRequest request, ReproducibilityResult result) {
        if (result.mismatches().isEmpty() || !request.plan().blockOnReproducibilityMismatch()) {
            return;
        }
        StringBuilder message = new StringBuilder(request.target().id() + " is not reproducible:");
        for (ReproducibilityResult.ArtifactComparison c : result.mismatches()) {
            message.append(' ')
                    .append(c.name())
                    .append(" (differing members: ")
                    .append(
                            c.differingMembers().isEmpty()
                                    ? "archive metadata only"
                                    : String.join(", ", c.differingMembers()))
                    .append(')');
        }
        throw ApplicationFailure.newNonRetryableFailure(message.toString(), FailureType.NOT_REPRODUCIBLE.name());
    }

    private void report(Target target, Stage stage, String host, boolean emulated, String detail) {
        Workflow.setCurrentDetails(target.id() + ": " + stage + (detail == null ? "" : " (" + detail + ")"));
        Optional<String> parent = Workflow.getInfo().getParentWorkflowId();
        parent.ifPresent(id -> Workflow.newExternalWorkflowStub(ReleaseWorkflow.class, id)
                .targetProgress(new TargetProgress(target, stage, host, emulated, detail)));
    }
}
