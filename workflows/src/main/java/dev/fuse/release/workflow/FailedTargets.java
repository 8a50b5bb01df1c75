package dev.fuse.release.workflow;

import dev.fuse.release.contract.FailureType;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.Phase;
import dev.fuse.release.contract.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Targets whose pipeline failed for good, and what operators asked about them. The release waits
 * on this instead of failing: a retry runs one target's pipeline again, an abandon ends the
 * release. Validation runs in the Updates' validators, before anything enters history.
 */
final class FailedTargets {
    private final Map<Target, String> failed = new TreeMap<>();
    private final Map<Target, Integer> attempts = new TreeMap<>();
    private boolean waiting;
    private OperatorRequests.Retry retry;
    private OperatorRequests.Abandon abandon;

    void failed(Target target, String why) {
        failed.put(target, why);
    }

    void succeeded(Target target) {
        failed.remove(target);
    }

    boolean any() {
        return !failed.isEmpty();
    }

    List<Target> targets() {
        return List.copyOf(failed.keySet());
    }

    int attempt(Target target) {
        return attempts.getOrDefault(target, 1);
    }

    void waiting(boolean waiting) {
        this.waiting = waiting;
    }

    boolean actionPending() {
        return retry != null || abandon != null;
    }

    OperatorRequests.Abandon abandonRequest() {
        return abandon;
    }

    void requestRetry(OperatorRequests.Retry request) {
        this.retry = request;
    }

    void requestAbandon(OperatorRequests.Abandon request) {
        this.abandon = request;
    }

    /** The target to run again, its attempt counted; clears the request. */
    Target takeRetry() {
        Target target = retry.target();
        attempts.put(target, attempt(target) + 1);
        failed.remove(target);
        retry = null;
        return target;
    }

    void checkRetry(Phase phase, OperatorRequests.Retry request) {
        if (request == null) throw FailureType.INVALID_OPERATOR_REQUEST.refusal("missing retry request");
        List<String> problems = request.problems();
        if (!problems.isEmpty()) throw FailureType.INVALID_OPERATOR_REQUEST.refusal(String.join("; ", problems));
        checkWaiting(phase, "retry " + request.target().id());
        if (!failed.containsKey(request.target())) {
            throw FailureType.WRONG_PHASE.refusal(request.target().id() + " has not failed (failed: " + names()
                    + "); only a failed target is retried");
        }
    }

    void checkAbandon(Phase phase, OperatorRequests.Abandon request) {
        if (request == null) throw FailureType.INVALID_OPERATOR_REQUEST.refusal("missing abandon request");
        List<String> problems = request.problems();
        if (!problems.isEmpty()) throw FailureType.INVALID_OPERATOR_REQUEST.refusal(String.join("; ", problems));
        checkWaiting(phase, "abandon the release");
    }

    private void checkWaiting(Phase phase, String what) {
        if (!waiting || actionPending()) {
            throw FailureType.WRONG_PHASE.refusal("cannot " + what + " in phase " + phase
                    + (actionPending() ? " (an operator request is already being carried out)" : "")
                    + ": only a release waiting on a failed target takes a retry or an abandon");
        }
    }

    /** Each failed target with why, for messages: "windows-x64: build step 'aot' ... exited with status 1". */
    String summary() {
        List<String> lines = new ArrayList<>();
        failed.forEach((target, why) -> lines.add(target.id() + ": " + why));
        return String.join("; ", lines);
    }

    private String names() {
        return failed.isEmpty()
                ? "none"
                : String.join(", ", failed.keySet().stream().map(Target::id).toList());
    }
}
