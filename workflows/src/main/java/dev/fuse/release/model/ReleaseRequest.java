package dev.fuse.release.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a release manager asks for. Validated in full when built, so a bad request never starts
 * a workflow.
 *
 * @param repository git URL or path of the project to release
 * @param revision branch, tag or commit to release; resolved to a commit during planning
 * @param targets target ids, in any order; the workflow sorts them
 * @param sourceDateEpoch optional override of the release commit timestamp, seconds
 * @param approvalTimeoutSeconds how long the release waits for a decision; expiry rejects it
 */
public record ReleaseRequest(
    String version,
    String repository,
    String revision,
    List<String> targets,
    String requestedBy,
    Long sourceDateEpoch,
    long approvalTimeoutSeconds) {

  public static final long DEFAULT_APPROVAL_TIMEOUT_SECONDS = 7L * 24 * 3600;

  public ReleaseRequest {
    targets = targets == null ? List.of() : List.copyOf(targets);
    List<String> errors = new ArrayList<>();
    if (!ReleaseVersion.isValid(version)) {
      errors.add(
          "malformed version '" + version + "': use MAJOR.MINOR.PATCH, e.g. 0.4.0 or 0.4.1-rc.1");
    }
    if (repository == null || repository.isBlank()) {
      errors.add("missing repository: pass --repo <git url or path>");
    }
    if (revision == null || revision.isBlank()) {
      errors.add("missing revision: pass --revision <commit, tag or branch>");
    } else if (revision.startsWith("-")) {
      errors.add("revision '" + revision + "' must not start with '-'");
    }
    if (targets.isEmpty()) {
      errors.add("no targets: pass at least one of " + String.join(", ", Target.allIds()));
    }
    for (String t : targets) {
      if (Target.fromId(t).isEmpty()) {
        errors.add("unknown target '" + t + "': use one of " + String.join(", ", Target.allIds()));
      }
    }
    if (targets.stream().distinct().count() != targets.size()) {
      errors.add("targets " + targets + " name a target twice");
    }
    if (requestedBy == null || requestedBy.isBlank()) {
      errors.add("missing requester: pass --requested-by <name>");
    }
    if (sourceDateEpoch != null && sourceDateEpoch < 0) {
      errors.add("SOURCE_DATE_EPOCH must not be negative: " + sourceDateEpoch);
    }
    if (approvalTimeoutSeconds <= 0) {
      errors.add("approval timeout must be positive, got " + approvalTimeoutSeconds + " s");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Objects.requireNonNull(version);
  }

  /** The targets in the canonical (enum) order, so every run fans out identically. */
  public List<Target> sortedTargets() {
    return targets.stream().map(Target::parse).sorted().toList();
  }

  public String workflowId() {
    return "fuse-release-" + version;
  }
}
