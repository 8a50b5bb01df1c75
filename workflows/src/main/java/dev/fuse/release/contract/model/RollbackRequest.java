package dev.fuse.release.contract.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Take a published version back: {@code releases/latest.json} moves to {@code to} (default: the
 * newest published version before it) and {@code releases/<version>/YANKED.json} records who,
 * when and why. Published objects are never deleted or overwritten.
 *
 * @param to the version latest should point at afterwards; null for the newest published one before
 * @param atMillis when, as the rollback workflow saw it (its clock, so that retries write the same marker)
 */
public record RollbackRequest(
        String version, String to, String operator, String reason, long atMillis, String signature) {
    public static final String ACTION = "rollback";

    public RollbackRequest(String version, String to, String operator, String reason, long atMillis) {
        this(version, to, operator, reason, atMillis, null);
    }

    /** What a signed rollback covers (see {@link OperatorRequests#statement}). */
    public String statement() {
        return OperatorRequests.statement(ACTION, version, "to " + (to == null ? "the newest before" : to), reason);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!ReleaseVersion.isValid(version)) problems.add("malformed version '" + version + "'");
        if (to != null && !ReleaseVersion.isValid(to)) problems.add("malformed --to version '" + to + "'");
        if (version != null && version.equals(to)) problems.add("--to names the version being rolled back");
        problems.addAll(OperatorRequests.whoAndWhy(operator, reason, signature));
        return problems;
    }

    public RollbackRequest at(long millis) {
        return new RollbackRequest(version, to, operator, reason, millis, signature);
    }

    public String workflowId() {
        return "fuse-rollback-" + version;
    }
}
