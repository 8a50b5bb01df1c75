package dev.fuse.release.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operator may ask of a release whose target failed for good: run that target's pipeline
 * again, or give the release up. Both name who asks and why; both are checked by the Updates'
 * validators, so a refused request leaves no trace in history.
 */
public final class OperatorRequests {
    private OperatorRequests() {}

    /** Run {@code target}'s pipeline again from the start, in a fresh workspace. */
    public record Retry(Target target, String operator, String reason) {
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (target == null) problems.add("missing target: name the failed target to retry");
            problems.addAll(whoAndWhy(operator, reason));
            return problems;
        }
    }

    /** End the release without publishing anything; staging is kept for inspection. */
    public record Abandon(String operator, String reason) {
        public List<String> problems() {
            return whoAndWhy(operator, reason);
        }
    }

    public static List<String> whoAndWhy(String operator, String reason) {
        List<String> problems = new ArrayList<>();
        if (operator == null || operator.isBlank()) {
            problems.add("missing operator: pass --operator <name>");
        } else if (operator.length() > ApprovalDecision.MAX_NAME || ApprovalDecision.hasControl(operator, false)) {
            problems.add("operator name must be plain text of at most " + ApprovalDecision.MAX_NAME + " characters");
        }
        if (reason == null || reason.isBlank()) {
            problems.add("missing reason: pass --reason <text>");
        } else if (reason.length() > ApprovalDecision.MAX_COMMENT || ApprovalDecision.hasControl(reason, true)) {
            problems.add("reason must be plain text of at most " + ApprovalDecision.MAX_COMMENT + " characters");
        }
        return problems;
    }
}
