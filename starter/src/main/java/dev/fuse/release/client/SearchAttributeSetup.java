package dev.fuse.release.client;

import dev.fuse.release.contract.SearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * fuse-release's search attributes on a namespace, through Temporal's operator service: what is
 * there, and registering what is missing. Servers that cannot list them (Temporal's Java test
 * server) are asked to add each one, and an existing one answers ALREADY_EXISTS.
 */
public final class SearchAttributeSetup implements AutoCloseable {
    /** What {@link #ensure()} did: attribute names created, found, and found with another type. */
    public record Outcome(List<String> created, List<String> found, List<String> wrongType) {}

    private final OperatorServiceStubs operator;
    private final String namespace;

    /** On the connection's own settings (address, TLS, API key), with a channel of its own. */
    public SearchAttributeSetup(TemporalConnection connection) {
        this(
                OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder(
                                connection.stubs().getOptions())
                        .build()),
                connection.namespace());
    }

    private SearchAttributeSetup(OperatorServiceStubs operator, String namespace) {
        this.operator = operator;
        this.namespace = namespace;
    }

    /** A plaintext server at {@code host:port} (the embedded stack's, or one it was pointed at). */
    public static SearchAttributeSetup plaintext(String address, String namespace) {
        return new SearchAttributeSetup(
                OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
                        .setTarget(address)
                        .validateAndBuildWithDefaults()),
                namespace);
    }

    /**
     * The custom attributes the namespace has, by name, or null when the server cannot list them.
     */
    public Map<String, IndexedValueType> registered() {
        try {
            return new TreeMap<>(operator.blockingStub()
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listSearchAttributes(ListSearchAttributesRequest.newBuilder()
                            .setNamespace(namespace)
                            .build())
                    .getCustomAttributesMap());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) return null;
            throw e;
        }
    }

    /** Registers every attribute the namespace lacks; never changes or removes one. */
    public Outcome ensure() {
        Map<String, IndexedValueType> registered = registered();
        return registered == null ? addOneByOne() : addMissing(registered);
    }

    private Outcome addMissing(Map<String, IndexedValueType> registered) {
        Map<String, IndexedValueType> missing = new TreeMap<>();
        List<String> found = new ArrayList<>();
        List<String> wrongType = new ArrayList<>();
        SearchAttributes.definitions().forEach((name, type) -> {
            IndexedValueType actual = registered.get(name);
            if (actual == null) missing.put(name, type);
            else if (actual == type) found.add(name);
            else wrongType.add(name);
        });
        if (!missing.isEmpty()) add(missing);
        return new Outcome(List.copyOf(missing.keySet()), found, wrongType);
    }

    private Outcome addOneByOne() {
        List<String> created = new ArrayList<>();
        List<String> found = new ArrayList<>();
        SearchAttributes.definitions().forEach((name, type) -> {
            try {
                add(Map.of(name, type));
                created.add(name);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) throw e;
                found.add(name);
            }
        });
        return new Outcome(created, found, List.of());
    }

    private void add(Map<String, IndexedValueType> attributes) {
        operator.blockingStub()
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .addSearchAttributes(AddSearchAttributesRequest.newBuilder()
                        .setNamespace(namespace)
                        .putAllSearchAttributes(attributes)
                        .build());
    }

    @Override
    public void close() {
        operator.shutdown();
        operator.awaitTermination(5, TimeUnit.SECONDS);
    }
}
