package dev.fuse.release.devstack;

import dev.fuse.release.contract.SearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.util.concurrent.TimeUnit;

/**
 * The dev stack's Temporal: by default Temporal's Java test server run as a real gRPC service
 * (real time, no time skipping, state in memory for as long as the stack runs); or an existing
 * Temporal service the user runs (for example {@code temporal server start-dev}, whose Web UI is
 * on port 8233). Either way fuse-release's search attributes are registered.
 */
public final class EmbeddedTemporal implements AutoCloseable {
    public static final String NAMESPACE = "default";
    private final TestServer.PortBoundTestServer server;
    private final String address;

    private EmbeddedTemporal(TestServer.PortBoundTestServer server, String address) {
        this.server = server;
        this.address = address;
    }

    public static EmbeddedTemporal start(int preferredPort) {
        int port = Ports.preferredOrFree(preferredPort);
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
        EmbeddedTemporal temporal = new EmbeddedTemporal(server, "127.0.0.1:" + port);
        temporal.registerSearchAttributes();
        return temporal;
    }

    /** An existing Temporal service at {@code host:port}; it keeps running when the stack stops. */
    public static EmbeddedTemporal existing(String address) {
        EmbeddedTemporal temporal = new EmbeddedTemporal(null, address);
        temporal.registerSearchAttributes();
        return temporal;
    }

    private void registerSearchAttributes() {
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
                OperatorServiceStubsOptions.newBuilder().setTarget(address).validateAndBuildWithDefaults());
        try {
            operator.blockingStub()
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .addSearchAttributes(AddSearchAttributesRequest.newBuilder()
                            .setNamespace(NAMESPACE)
                            .putAllSearchAttributes(SearchAttributes.definitions())
                            .build());
        } catch (StatusRuntimeException e) {
            // A server that already has them (a second dev run against the same server) is fine.
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw new IllegalStateException(
                        "cannot register fuse-release's search attributes at " + address + ": "
                                + e.getStatus().getCode() + " " + e.getStatus().getDescription(),
                        e);
            }
        } finally {
            operator.shutdown();
            operator.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    public String address() {
        return address;
    }

    @Override
    public void close() {
        if (server != null) server.close();
    }
}
