package dev.fuse.release.cli;

import dev.fuse.release.client.SearchAttributeSetup;
import dev.fuse.release.client.TemporalConnection;
import dev.fuse.release.contract.SearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Registers fuse-release's search attributes on the namespace (once per namespace, idempotent), so
 * that a production cluster needs no hand-typed {@code temporal operator search-attribute create}.
 */
@Command(
        name = "setup",
        description = "Register fuse-release's search attributes on the Temporal namespace (idempotent).")
public class SetupCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    OutputOption output;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        TemporalConnection temporal = ctx.temporal();
        SearchAttributeSetup.Outcome outcome;
        try (SearchAttributeSetup setup = new SearchAttributeSetup(temporal)) {
            outcome = setup.ensure();
        } catch (StatusRuntimeException e) {
            throw refused(temporal, e);
        }
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("address", temporal.address());
            json.put("namespace", temporal.namespace());
            json.put("created", outcome.created());
            json.put("found", outcome.found());
            json.put("wrongType", outcome.wrongType());
            ctx.out().println(Json.write(json));
        } else {
            print(ctx, temporal, outcome);
        }
        if (!outcome.wrongType().isEmpty()) {
            throw new CliException(ExitCodes.CONFLICT, wrongTypeMessage(outcome.wrongType()));
        }
        return ExitCodes.OK;
    }

    private static void print(CliContext ctx, TemporalConnection temporal, SearchAttributeSetup.Outcome outcome) {
        ctx.out().println("search attributes on " + temporal.address() + ", namespace " + temporal.namespace() + ":");
        Map<String, IndexedValueType> types = SearchAttributes.definitions();
        outcome.created().forEach(n -> ctx.out().println("  created  " + n + " (" + typeName(types.get(n)) + ")"));
        outcome.found().forEach(n -> ctx.out().println("  found    " + n + " (" + typeName(types.get(n)) + ")"));
        outcome.wrongType()
                .forEach(n -> ctx.out().println("  WRONG    " + n + " (needs " + typeName(types.get(n)) + ")"));
    }

    /** As the temporal CLI names types: INDEXED_VALUE_TYPE_KEYWORD_LIST is KeywordList. */
    static String typeName(IndexedValueType type) {
        StringBuilder name = new StringBuilder();
        for (String part : type.name().replace("INDEXED_VALUE_TYPE_", "").split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static String wrongTypeMessage(List<String> names) {
        return "search attribute(s) " + String.join(", ", names) + " exist with another type than fuse-release needs;"
                + " remove them (temporal operator search-attribute remove --name <name>) and run setup again";
    }

    private static CliException refused(TemporalConnection temporal, StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        String where = "Temporal at " + temporal.address() + " (namespace " + temporal.namespace() + ")";
        if (code == Status.Code.PERMISSION_DENIED || code == Status.Code.UNAUTHENTICATED) {
            return new CliException(
                    ExitCodes.UNAVAILABLE,
                    where + " refused to register search attributes (" + code + "): use credentials with the"
                            + " operator role, or on Temporal Cloud add them in the namespace's settings");
        }
        return new CliException(
                ExitCodes.UNAVAILABLE,
                where + " failed to register search attributes: " + code + " "
                        + e.getStatus().getDescription());
    }
}
