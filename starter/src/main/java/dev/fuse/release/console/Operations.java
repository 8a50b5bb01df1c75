package dev.fuse.release.console;

import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.contract.model.OperatorRequests;
import dev.fuse.release.contract.model.RollbackRequest;
import dev.fuse.release.contract.model.RollbackResult;
import dev.fuse.release.contract.model.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operator action posted from the release page, sent through the same Updates (and so the same
 * validators and policy) as {@code retry}, {@code abandon} and {@code cancel}.
 */
final class Operations {
    private final ReleaseClient releases;

    Operations(ReleaseClient releases) {
        this.releases = releases;
    }

    /** What happened, in one line for the page. */
    String act(String version, Map<String, String> form) {
        String action = form.getOrDefault("action", "");
        String operator = Forms.optional(form, "operator");
        String reason = form.get("reason");
        String signature = PastedSignature.of(form.get("signature"));
        try {
            if (action.startsWith("retry:")) {
                Optional<Target> target = Target.fromId(action.substring("retry:".length()));
                if (target.isEmpty()) return "no such target to retry";
                OperatorRequests.Retry retry = new OperatorRequests.Retry(target.get(), operator, reason, signature);
                if (!retry.problems().isEmpty()) return String.join("; ", retry.problems());
                releases.retry(version, retry);
                return "retrying " + target.get().id();
            }
            return switch (action) {
                case "abandon" -> abandon(version, new OperatorRequests.Abandon(operator, reason, signature));
                case "cancel" -> cancel(version, new OperatorRequests.Cancel(operator, reason, signature));
                case "rollback" ->
                    rollback(new RollbackRequest(version, Forms.optional(form, "to"), operator, reason, 0L, signature));
                default -> "choose an action";
            };
        } catch (RuntimeException e) {
            return Refusals.message(e);
        }
    }

    private String abandon(String version, OperatorRequests.Abandon abandon) {
        List<String> problems = abandon.problems();
        if (!problems.isEmpty()) return String.join("; ", problems);
        releases.abandon(version, abandon);
        return "abandoned";
    }

    private String cancel(String version, OperatorRequests.Cancel cancel) {
        List<String> problems = cancel.problems();
        if (!problems.isEmpty()) return String.join("; ", problems);
        releases.cancel(version, cancel);
        return "cancellation requested";
    }

    private String rollback(RollbackRequest request) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) return String.join("; ", problems);
        RollbackResult result = releases.rollbacks().run(request);
        return "rolled back: latest is now " + result.latest();
    }
}
