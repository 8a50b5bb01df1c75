package dev.fuse.release.devstack;

import dev.fuse.release.client.SearchAttributeSetup;
import io.grpc.StatusRuntimeException;
import io.temporal.testserver.TestServer;

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
        // Idempotent: a server that already has them (a second dev run against it) is fine.
        try (SearchAttributeSetup setup = SearchAttributeSetup.plaintext(address, NAMESPACE)) {
            setup.ensure();
        } catch (StatusRuntimeException e) {
            throw new IllegalStateException(
                    "cannot register fuse-release's search attributes at " + address + ": "
                            + e.getStatus().getCode() + " " + e.getStatus().getDescription(),
                    e);
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
