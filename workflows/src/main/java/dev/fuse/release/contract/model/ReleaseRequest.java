package dev.fuse.release.contract.model;

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
 * @param staticTargets targets to link statically (never the default; the contract allows only
 *     linux-x64)
 * @param operatorWindowSeconds how long a release with a failed target waits for an operator to
 *     retry or abandon it (null: {@link #DEFAULT_OPERATOR_WINDOW_SECONDS}); then it is abandoned
 * @param heartbeatTimeoutSeconds how long a running activity may go without a heartbeat before
 *     Temporal declares its worker dead and retries it elsewhere (null: {@link
 *     #DEFAULT_HEARTBEAT_TIMEOUT_SECONDS}); fault drills use seconds
 * @param notesSince the notes' base named by hand, or null for the ledger's (see {@link NotesSince})
 */
public record ReleaseRequest(
        String version,
        String repository,
        String revision,
        List<String> targets,
        String requestedBy,
        Long sourceDateEpoch,
        long approvalTimeoutSeconds,
        List<String> staticTargets,
        Long operatorWindowSeconds,
        Long heartbeatTimeoutSeconds,
        NotesSince notesSince) {

    public static final long DEFAULT_APPROVAL_TIMEOUT_SECONDS = 7L * 24 * 3600;
    public static final long DEFAULT_HEARTBEAT_TIMEOUT_SECONDS = 60;
    /** Workers heartbeat every 3 s at most; a shorter timeout would declare live workers dead. */
    public static final long MIN_HEARTBEAT_TIMEOUT_SECONDS = 5;

    public static final long MAX_HEARTBEAT_TIMEOUT_SECONDS = 600;
    public static final long DEFAULT_OPERATOR_WINDOW_SECONDS = 3L * 24 * 3600;

    /** A request for {@code version} of {@code repository} at {@code revision}; the rest has defaults. */
    public static Builder builder(String version, String repository, String revision) {
        return new Builder(version, repository, revision);
    }

    /**
     * Builds a request field by field; every field the builder is not given keeps its default
     * (no static targets, the default windows and timeouts, the ledger's notes base), and
     * {@link #build} validates the whole request at once.
     */
    public static final class Builder {
        private final String version;
        private final String repository;
        private final String revision;
        private List<String> targets = List.of();
        private String requestedBy;
        private Long sourceDateEpoch;
        private long approvalTimeoutSeconds = DEFAULT_APPROVAL_TIMEOUT_SECONDS;
        private List<String> staticTargets = List.of();
        private Long operatorWindowSeconds;
        private Long heartbeatTimeoutSeconds;
        private NotesSince notesSince;

        private Builder(String version, String repository, String revision) {
            this.version = version;
            this.repository = repository;
            this.revision = revision;
        }

        public Builder targets(List<String> targets) {
            this.targets = targets;
            return this;
        }

        public Builder requestedBy(String requestedBy) {
            this.requestedBy = requestedBy;
            return this;
        }

        public Builder sourceDateEpoch(Long sourceDateEpoch) {
            this.sourceDateEpoch = sourceDateEpoch;
            return this;
        }

        public Builder approvalTimeoutSeconds(long approvalTimeoutSeconds) {
            this.approvalTimeoutSeconds = approvalTimeoutSeconds;
            return this;
        }

        public Builder staticTargets(List<String> staticTargets) {
            this.staticTargets = staticTargets;
            return this;
        }

        public Builder operatorWindowSeconds(Long operatorWindowSeconds) {
            this.operatorWindowSeconds = operatorWindowSeconds;
            return this;
        }

        public Builder heartbeatTimeoutSeconds(Long heartbeatTimeoutSeconds) {
            this.heartbeatTimeoutSeconds = heartbeatTimeoutSeconds;
            return this;
        }

        public Builder notesSince(NotesSince notesSince) {
            this.notesSince = notesSince;
            return this;
        }

        /** The request, or {@link InvalidRequestException} naming every problem at once. */
        public ReleaseRequest build() {
            return new ReleaseRequest(
                    version,
                    repository,
                    revision,
                    targets,
                    requestedBy,
                    sourceDateEpoch,
                    approvalTimeoutSeconds,
                    staticTargets,
                    operatorWindowSeconds,
                    heartbeatTimeoutSeconds,
                    notesSince);
        }
    }

    public ReleaseRequest {
        targets = targets == null ? List.of() : List.copyOf(targets);
        staticTargets = staticTargets == null ? List.of() : List.copyOf(staticTargets);
        List<String> errors = new ArrayList<>();
        if (!ReleaseVersion.isValid(version)) {
            errors.add("malformed version '" + version + "': use MAJOR.MINOR.PATCH, e.g. 0.4.0 or 0.4.1-rc.1");
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
                errors.add("unknown target '" + t + "': " + Target.validIds());
            }
        }
        if (targets.stream().distinct().count() != targets.size()) {
            errors.add("targets " + targets + " name a target twice");
        }
        for (String t : staticTargets) {
            if (!t.equals(Target.LINUX_X64.id())) {
                errors.add("static linking is only supported for linux-x64 (asked for " + t
                        + "); macos-arm64 and windows-x64 " + "are not supported for the release contract");
            } else if (!targets.contains(t)) {
                errors.add("static linking asked for " + t + ", which is not among the targets");
            }
        }
        if (requestedBy == null || requestedBy.isBlank()) {
            errors.add("missing requester: pass --requested-by <name>");
        } else if (requestedBy.length() > ApprovalDecision.MAX_NAME
                || ApprovalDecision.hasControl(requestedBy, false)) {
            errors.add("requester name must be plain text of at most " + ApprovalDecision.MAX_NAME
                    + " characters without control characters; pass --requested-by <name>");
        }
        if (sourceDateEpoch != null) {
            String problem = sourceDateEpochProblem(sourceDateEpoch);
            if (problem != null) errors.add(problem);
        }
        if (operatorWindowSeconds != null && operatorWindowSeconds <= 0) {
            errors.add("operator window must be positive, got " + operatorWindowSeconds + " s");
        }
        if (heartbeatTimeoutSeconds != null
                && (heartbeatTimeoutSeconds < MIN_HEARTBEAT_TIMEOUT_SECONDS
                        || heartbeatTimeoutSeconds > MAX_HEARTBEAT_TIMEOUT_SECONDS)) {
            errors.add("heartbeat timeout " + heartbeatTimeoutSeconds + " s is outside " + MIN_HEARTBEAT_TIMEOUT_SECONDS
                    + " s to " + MAX_HEARTBEAT_TIMEOUT_SECONDS
                    + " s; pass --heartbeat-timeout in that range (default 60s)");
        }
        if (notesSince != null) {
            errors.addAll(notesSince.problems());
        }
        if (approvalTimeoutSeconds <= 0) {
            errors.add("approval timeout must be positive, got " + approvalTimeoutSeconds + " s");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Objects.requireNonNull(version);
    }

    /**
     * The SOURCE_DATE_EPOCH range every archive format of a release represents exactly: zip's DOS
     * time starts in 1980, and the exact second lives in zip's extended timestamp, a signed 32-bit
     * Unix time that ends in January 2038.
     */
    public static final long EPOCH_MIN = 315532800L;

    public static final long EPOCH_MAX = 2147483647L;

    /** Why an epoch cannot be a release's SOURCE_DATE_EPOCH, or null. */
    public static String sourceDateEpochProblem(long epoch) {
        if (epoch >= EPOCH_MIN && epoch <= EPOCH_MAX) return null;
        return "SOURCE_DATE_EPOCH " + epoch + " is outside " + EPOCH_MIN + " (1980-01-01T00:00:00Z) to " + EPOCH_MAX
                + " (2038-01-19T03:14:07Z), the times zip archives hold exactly; pass --source-date-epoch in that range";
    }

    /** The targets in the canonical (enum) order, so every run fans out identically. */
    public List<Target> sortedTargets() {
        return targets.stream().map(Target::parse).sorted().toList();
    }

    /** How long a failed target waits for an operator; requests made before the window existed get the default. */
    public long operatorWindow() {
        return operatorWindowSeconds == null ? DEFAULT_OPERATOR_WINDOW_SECONDS : operatorWindowSeconds;
    }

    /** How long an activity may go without a heartbeat; requests made before it was configurable get the default. */
    public long heartbeatTimeout() {
        return heartbeatTimeoutSeconds == null ? DEFAULT_HEARTBEAT_TIMEOUT_SECONDS : heartbeatTimeoutSeconds;
    }

    public String workflowId() {
        return workflowIdOf(version);
    }

    /** The release's workflow id, readable in the Temporal UI; one release of a version runs at a time. */
    public static String workflowIdOf(String version) {
        return "fuse-release-" + version;
    }
}
