package dev.fuse.release.devstack;

import dev.fuse.release.workflow.SearchAttributes;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server run as a real gRPC service (real time, no time skipping), with
 * fuse-release's search attributes registered. State is in memory: it lasts as long as the stack.
 */
public final class EmbeddedTemporal implements AutoCloseable {
    public static final String NAMESPACE = "default";
    private final TestServer.PortBoundTestServer server;
    private final int port;

    private EmbeddedTemporal(TestServer.PortBoundTestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedTemporal start(int preferredPort) {
        int port = Ports.preferredOrFree(preferredPort);
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
        EmbeddedTemporal temporal = new EmbeddedTemporal(server, port);
        temporal.registerSearchAttributes();
        return temporal;
    }

    private void registerSearchAttributes() {
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
                OperatorServiceStubsOptions.newBuilder().setTarget(address()).validateAndBuildWithDefaults());
        try {
            operator.blockingStub()
                    .addSearchAttributes(AddSearchAttributesRequest.newBuilder()
                            .setNamespace(NAMESPACE)
                            .putAllSearchAttributes(SearchAttributes.definitions())
                            .build());
        } finally {
            operator.shutdown();
            operator.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
    }
}
