package dev.fuse.release.contract.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operator may ask of a release: run a failed target's pipeline again, give the release
 * up, or cancel it. Each names who asks and why, and may carry an SSH signature of its
 * {@link #statement} (required where the approval policy requires signed decisions); each is
 * checked by its Update's validator against the policy, so a refused request leaves no trace in
 * history.
 */
public final class OperatorRequests {
    /** The SSH signature namespace of operator actions, apart from approvals'. */
    public static final String NAMESPACE = "fuse-release-operator";

    private OperatorRequests() {}

    /**
     * What a signature of an operator action covers: the action, the release, what it acts on and
     * why, e.g. {@code fuse-release retry 0.4.0 windows-x64: runner fixed}.
     */
    public static String statement(String action, String version, String subject, String reason) {
        return "fuse-release " + action + " " + version + (subject == null ? "" : " " + subject) + ": "
                + (reason == null ? "" : reason.strip());
    }

    /** What every operator request says: the action, who asks, why, and what a signature of it covers. */
    public interface Request {
        String action();

        String operator();

        String reason();

        String signature();

        String statement(String version);

        List<String> problems();
    }

    /** Run {@code target}'s pipeline again from the start, in a fresh workspace. */
    public record Retry(Target target, String operator, String reason, String signature) implements Request {
        public static final String ACTION = "retry";

        @Override
        public String action() {
            return ACTION;
        }

        public Retry(Target target, String operator, String reason) {
            this(target, operator, reason, null);
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (target == null) problems.add("missing target: name the failed target to retry");
            problems.addAll(whoAndWhy(operator, reason, signature));
            return problems;
        }

        @Override
        public String statement(String version) {
            return OperatorRequests.statement(ACTION, version, target == null ? null : target.id(), reason);
        }
    }

    /** End the release without publishing anything; staging is kept for inspection. */
    public record Abandon(String operator, String reason, String signature) implements Request {
        public static final String ACTION = "abandon";

        @Override
        public String action() {
            return ACTION;
        }

        public Abandon(String operator, String reason) {
            this(operator, reason, null);
        }

        @Override
        public List<String> problems() {
            return whoAndWhy(operator, reason, signature);
        }

        @Override
        public String statement(String version) {
            return OperatorRequests.statement(ACTION, version, null, reason);
        }
    }

    /** Stop a running release: its pipelines are cancelled and nothing is published. */
    public record Cancel(String operator, String reason, String signature) implements Request {
        public static final String ACTION = "cancel";

        @Override
        public String action() {
            return ACTION;
        }

        @Override
        public List<String> problems() {
            return whoAndWhy(operator, reason, signature);
        }

        @Override
        public String statement(String version) {
            return OperatorRequests.statement(ACTION, version, null, reason);
        }
    }

    /** @param signature a signed request names its operator by the key, so it may leave the name out */
    public static List<String> whoAndWhy(String operator, String reason, String signature) {
        List<String> problems = new ArrayList<>();
        if (operator == null || operator.isBlank()) {
            if (signature == null) problems.add("missing operator: pass --operator <name>");
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
