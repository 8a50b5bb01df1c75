package dev.fuse.release.releasecontract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fuse.release.contract.model.InvalidRequestException;
import dev.fuse.release.contract.model.SloThresholds;
import dev.fuse.release.support.JsonSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and validates {@code release-contract.json}, reporting every problem at once. */
public final class ContractLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractLoader() {}

    public static ReleaseContract load(Path projectRoot) {
        try {
            return parse(Files.readString(projectRoot.resolve(ReleaseContract.FILE_NAME)));
        } catch (NoSuchFileException e) {
            throw new InvalidRequestException(List.of("no " + ReleaseContract.FILE_NAME
                    + " at the root of the revision: add the release contract (see docs/contract.md)"));
        } catch (IOException e) {
            throw new InvalidRequestException(
                    List.of("cannot read " + ReleaseContract.FILE_NAME + ": " + e.getMessage()));
        }
    }

    public static ReleaseContract parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(JsonSyntax.describe(ReleaseContract.FILE_NAME, e)));
        }
        List<String> errors = new ArrayList<>();
        int version = root.path("contractVersion").asInt(-1);
        if (version != 1) errors.add("contractVersion: must be 1, got " + root.path("contractVersion"));
        String id = root.path("contract").asText("");
        if (id.isBlank()) errors.add("contract: required id, e.g. aot-release-contract/v0.4");
        JsonNode slo = root.path("slo");
        double p50 = percent(slo, "coldStartP50ImprovementMinPercent", errors);
        double p95 = percent(slo, "coldStartP95ImprovementMinPercent", errors);
        long size = positive(slo, "strippedBinaryMaxBytes", errors);
        long build = positive(slo, "buildTimeP95MaxSeconds", errors);
        JsonNode parityNode = slo.path("parityFailuresMax");
        int parity = parityNode.canConvertToInt() && parityNode.isIntegralNumber() ? parityNode.asInt() : -1;
        if (parity < 0) errors.add("slo.parityFailuresMax: required integer >= 0");
        JsonNode block = root.path("reproducibility").path("blockOnMismatch");
        if (!block.isBoolean()) errors.add("reproducibility.blockOnMismatch: required true or false");
        JsonNode rationale = root.path("thresholdChangeRationale");
        if (!rationale.isMissingNode()
                && !rationale.isNull()
                && (!rationale.isTextual() || rationale.asText().isBlank())) {
            errors.add("thresholdChangeRationale: must be null or a written rationale");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.stream()
                    .map(e -> ReleaseContract.FILE_NAME + ": " + e)
                    .toList());
        }
        return new ReleaseContract(
                version,
                id,
                new SloThresholds(p50, p95, size, build, parity),
                block.asBoolean(),
                rationale.isTextual() ? rationale.asText() : null);
    }

    private static double percent(JsonNode slo, String field, List<String> errors) {
        JsonNode n = slo.path(field);
        if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() >= 100) {
            errors.add("slo." + field + ": required number from 0 to below 100, got " + n);
            return -1;
        }
        return n.asDouble();
    }

    private static long positive(JsonNode slo, String field, List<String> errors) {
        JsonNode n = slo.path(field);
        if (!n.isIntegralNumber() || n.asLong() <= 0) {
            errors.add("slo." + field + ": required positive integer, got " + n);
            return -1;
        }
        return n.asLong();
    }
}
