package dev.fuse.release.workflow;

import dev.fuse.release.activity.BuildActivities;
import dev.fuse.release.activity.VerifyActivities;
import dev.fuse.release.model.Stage;
import dev.fuse.release.model.Target;
import dev.fuse.release.model.TargetBuildRequest;
import dev.fuse.release.model.TargetBuildResult;
import dev.fuse.release.model.VerifyRequest;
import dev.fuse.release.model.VerifyResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.Optional;

/** build -> verify, on the target's own queue, reporting each stage to the parent release. */
public class TargetPipelineWorkflowImpl implements TargetPipelineWorkflow {

  @Override
  public TargetPipelineResult run(TargetBuildRequest request) {
    Target target = request.target();
    String queue = TaskQueues.forTarget(target);
    String version = request.plan().version();

    BuildActivities build =
        Workflow.newActivityStub(
            BuildActivities.class,
            ActivityOptionsCatalog.build(queue, "build " + target.id() + " " + version));
    VerifyActivities verify =
        Workflow.newActivityStub(
            VerifyActivities.class,
            ActivityOptionsCatalog.verify(queue, "verify staged " + target.id()));

    report(target, Stage.BUILDING, null, false, "queue " + queue);
    try {
      TargetBuildResult built = build.buildTarget(request);
      String host = built.host().hostClass();
      boolean emulated = built.host().emulated();
      report(target, Stage.VERIFYING, host, emulated, null);
      VerifyResult verified = verify.verifyStaged(new VerifyRequest(version, built.artifacts()));
      report(target, Stage.STAGED, host, emulated, built.artifacts().size() + " artifacts staged");
      return new TargetPipelineResult(built, verified);
    } catch (ActivityFailure e) {
      report(target, Stage.FAILED, null, false, Failures.rootMessage(e));
      throw e;
    }
  }

  private void report(Target target, Stage stage, String host, boolean emulated, String detail) {
    Workflow.setCurrentDetails(target.id() + ": " + stage + (detail == null ? "" : " (" + detail + ")"));
    Optional<String> parent = Workflow.getInfo().getParentWorkflowId();
    parent.ifPresent(
        id ->
            Workflow.newExternalWorkflowStub(ReleaseWorkflow.class, id)
                .targetProgress(new TargetProgress(target.id(), stage, host, emulated, detail)));
  }
}
