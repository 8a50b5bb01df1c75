package dev.fuse.release.doctor;

import dev.fuse.release.client.SearchAttributeSetup;
import dev.fuse.release.client.TemporalConnection;
import dev.fuse.release.contract.SearchAttributes;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Temporal: reachable with these settings (TLS, credentials), the namespace, the search attributes. */
final class TemporalChecks {
    static final String CONNECTION = "temporal";
    static final String ATTRIBUTES = "search attributes";

    private TemporalChecks() {}

    /** The connection, or null after adding the finding that says why not. */
    static TemporalConnection connect(Map<String, String> env, List<Finding> findings) {
        try {
            TemporalConnection connection = TemporalConnection.connect(env);
            boolean tls = "true".equalsIgnoreCase(env.get("TEMPORAL_TLS"))
                    || env.containsKey("TEMPORAL_API_KEY")
                    || env.containsKey("TEMPORAL_TLS_CLIENT_CERT_PATH");
            findings.add(Finding.ok(
                    CONNECTION,
                    connection.address() + ", namespace " + connection.namespace() + " exists ("
                            + (tls ? "TLS" : "plaintext") + ")"));
            return connection;
        } catch (TemporalConnection.ConnectionException e) {
            findings.add(Messages.failure(CONNECTION, e.getMessage()));
            findings.add(Finding.skip(ATTRIBUTES, "Temporal is not reachable"));
            return null;
        }
    }

    static Finding searchAttributes(TemporalConnection connection) {
        Map<String, IndexedValueType> registered;
        try (SearchAttributeSetup setup = new SearchAttributeSetup(connection)) {
            registered = setup.registered();
        } catch (StatusRuntimeException e) {
            return Finding.fail(
                    ATTRIBUTES,
                    "cannot list them: " + e.getStatus().getCode() + " "
                            + e.getStatus().getDescription(),
                    "use credentials that may read the namespace's search attributes");
        }
        if (registered == null) return SearchAttributeProbe.probe(connection);
        List<String> problems = new ArrayList<>();
        SearchAttributes.definitions().forEach((name, type) -> {
            IndexedValueType actual = registered.get(name);
            if (actual == null) problems.add(name + " is not registered");
            else if (actual != type) problems.add(name + " is " + actual + ", needs " + type);
        });
        if (problems.isEmpty()) {
            return Finding.ok(ATTRIBUTES, "all " + registered.size() + " custom ones include fuse-release's 5");
        }
        return Finding.fail(ATTRIBUTES, String.join("; ", problems), Messages.SETUP_FIX);
    }
}
