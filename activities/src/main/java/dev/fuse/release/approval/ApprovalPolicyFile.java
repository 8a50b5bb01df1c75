package dev.fuse.release.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.contract.model.ApprovalPolicy;
import dev.fuse.release.contract.model.DurationText;
import dev.fuse.release.policy.Identities;
import dev.fuse.release.signature.AllowedSigners;
import dev.fuse.release.signature.SignatureProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an approval policy file (JSON, see docs/approvals.md), checking it whole: every problem is
 * reported at once, each naming the field and how to fix it. The allowed-signers file it names is
 * read with it, relative to the policy file.
 */
public final class ApprovalPolicyFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of(
            "approvers",
            "requiredApprovals",
            "requesterMayApprove",
            "approvalWindow",
            "requireSignedApprovals",
            "allowedSignersFile",
            "operators",
            "maintainers");

    private ApprovalPolicyFile() {}

    /** The policy at {@code file}, or the defaults when {@code file} is null. */
    public static ApprovalPolicy load(Path file) throws PolicyException {
        if (file == null) return ApprovalPolicy.defaults();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PolicyException("approval policy " + file + " cannot be read: " + oneLine(e.getMessage()));
        }
        if (root == null || !root.isObject())
            throw new PolicyException("approval policy " + file + " is not a JSON object");
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name))
                problems.add("unknown field '" + name + "' (fields: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
        }
        List<String> approvers = approvers(root, problems);
        int required = root.has("requiredApprovals")
                ? integer(root.get("requiredApprovals"), "requiredApprovals", problems)
                : 1;
        boolean requesterMay = bool(root, "requesterMayApprove", false, problems);
        boolean signed = bool(root, "requireSignedApprovals", false, problems);
        long window = window(root.get("approvalWindow"), problems);
        String signers = allowedSigners(root, file, signed, problems);
        int eligible = eligible(approvers, signers, signed);
        if (required < 1) problems.add("requiredApprovals must be at least 1, got " + required);
        else if (eligible >= 0 && required > eligible) {
            problems.add("requiredApprovals is " + required + " but only " + eligible + " approver(s) can approve;"
                    + " lower it or name more approvers");
        }
        Map<String, List<String>> operators = operators(root.get("operators"), problems);
        List<String> maintainers = names(root.get("maintainers"), "maintainers", problems);
        if (root.has("maintainers")
                && maintainers.isEmpty()
                && root.get("maintainers").isArray()) {
            problems.add("maintainers is empty; leave it out, or name who must approve a changed release contract");
        }
        if (!problems.isEmpty()) {
            throw new PolicyException("approval policy " + file + " is invalid (" + problems.size() + " problems): "
                    + String.join("; ", problems));
        }
        return new ApprovalPolicy(
                approvers, required, requesterMay, window, signed, signers, file.toString(), operators, maintainers);
    }

    /**
     * Who may take each operator action, e.g. {@code {"rollback": ["oscar"], "cancel": ["oscar",
     * "alice"]}}; an action left out falls back to the approvers.
     */
    private static Map<String, List<String>> operators(JsonNode node, List<String> problems) {
        Map<String, List<String>> out = new TreeMap<>();
        if (node == null) return out;
        if (!node.isObject()) {
            problems.add("operators must map actions to names, e.g. {\"rollback\": [\"oscar\"]}");
            return out;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String action = names.next();
            if (!ApprovalPolicy.OPERATOR_ACTIONS.contains(action)) {
                problems.add("operators names unknown action '" + action + "' (actions: "
                        + String.join(", ", ApprovalPolicy.OPERATOR_ACTIONS) + ")");
                continue;
            }
            List<String> who = names(node.get(action), "operators." + action, problems);
            if (who.isEmpty() && problems.isEmpty()) {
                problems.add("operators." + action + " is empty; leave the action out to let the approvers act");
            }
            out.put(action, who);
        }
        return out;
    }

    private static long window(JsonNode node, List<String> problems) {
        if (node == null) return ApprovalPolicy.DEFAULT_WINDOW_SECONDS;
        OptionalLong seconds = DurationText.seconds(node.asText());
        if (seconds.isEmpty()) {
            problems.add("approvalWindow must be a duration such as 7d, 12h or 30m, got '" + node.asText() + "'");
        }
        return seconds.orElse(0);
    }

    private static List<String> approvers(JsonNode root, List<String> problems) {
        return names(root.get("approvers"), "approvers", problems);
    }

    /** A list of names; two that are one person after normalisation ("Bob", "ｂｏｂ") are a problem. */
    private static List<String> names(JsonNode node, String field, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (node == null) return out;
        if (!node.isArray()) {
            problems.add(field + " must be a list of names, e.g. [\"alice\", \"bob\"]");
            return out;
        }
        for (JsonNode n : node) {
            String name = n.asText("").strip();
            if (!n.isTextual() || name.isEmpty()) problems.add(field + " holds an empty or non-text entry: " + n);
            else if (out.stream().anyMatch(o -> Identities.same(o, name)))
                problems.add(field + ": '" + name + "' is listed twice");
            else out.add(name);
        }
        return out;
    }

    private static String allowedSigners(JsonNode root, Path file, boolean signed, List<String> problems) {
        JsonNode node = root.get("allowedSignersFile");
        if (node == null) {
            if (signed)
                problems.add("requireSignedApprovals needs allowedSignersFile (an OpenSSH allowed_signers file)");
            return null;
        }
        Path path = file.toAbsolutePath().getParent().resolve(node.asText());
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            AllowedSigners.parse(text, path.toString());
            return text;
        } catch (IOException e) {
            problems.add("allowedSignersFile " + path + " cannot be read: " + oneLine(e.getMessage()));
        } catch (SignatureProblem e) {
            problems.add(e.getMessage().replace("\n", "; "));
        }
        return null;
    }

    /** How many distinct identities can approve, or -1 when anyone can. */
    private static int eligible(List<String> approvers, String signers, boolean signed) {
        if (!approvers.isEmpty()) return approvers.size();
        if (!signed || signers == null) return -1;
        try {
            return AllowedSigners.parse(signers, "").principals().size();
        } catch (SignatureProblem e) {
            return -1;
        }
    }

    private static int integer(JsonNode node, String field, List<String> problems) {
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            problems.add(field + " must be a whole number, got " + node);
            return 1;
        }
        return node.asInt();
    }

    private static boolean bool(JsonNode root, String field, boolean fallback, List<String> problems) {
        JsonNode node = root.get(field);
        if (node == null) return fallback;
        if (!node.isBoolean()) problems.add(field + " must be true or false, got " + node);
        return node.asBoolean(fallback);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ');
    }
}
