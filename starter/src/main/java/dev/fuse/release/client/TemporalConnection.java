package dev.fuse.release.client;

import com.uber.m3.tally.Scope;
import dev.fuse.release.support.TlsFailures;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A connection to Temporal configured the standard way: {@code TEMPORAL_ADDRESS},
 * {@code TEMPORAL_NAMESPACE}, {@code TEMPORAL_API_KEY}, {@code TEMPORAL_TLS_*} and envconfig
 * profiles ({@code TEMPORAL_PROFILE}, {@code TEMPORAL_CONFIG_FILE}). Local server, self-hosted
 * cluster and Temporal Cloud differ by these variables only.
 */
public final class TemporalConnection implements AutoCloseable {
    public static final String DEFAULT_ADDRESS = "127.0.0.1:7233";
    /** The envconfig variables that fix a refused handshake. */
    static final TlsFailures.Settings TLS = new TlsFailures.Settings(
            "TEMPORAL_TLS_SERVER_CA_CERT_PATH",
            "TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH",
            "TEMPORAL_TLS_SERVER_NAME");
    /** How long a server that never answers (a dropped packet, not a refusal) gets to connect. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final WorkflowServiceStubs stubs;
    private final EventLoopGroup eventLoop;
    private final WorkflowClient client;
    private final String address;
    private final String namespace;

    private TemporalConnection(
            WorkflowServiceStubs stubs,
            EventLoopGroup eventLoop,
            WorkflowClient client,
            String address,
            String namespace) {
        this.stubs = stubs;
        this.eventLoop = eventLoop;
        this.client = client;
        this.address = address;
        this.namespace = namespace;
    }

    /**
     * gRPC logs name-resolution and connection failures with stack traces through
     * java.util.logging; the same failures reach callers as exceptions that say what to do, so its
     * own log stays quiet. Held in a field because JUL keeps loggers only weakly.
     */
    private static final Logger GRPC_LOG = Logger.getLogger("io.grpc");

    static {
        GRPC_LOG.setLevel(Level.OFF);
    }

    public static final String DEFAULT_NAMESPACE = "default";

    /**
     * Connects and checks that the server answers and knows the namespace, so an unreachable server
     * or a mistyped namespace is one clear error instead of a release no worker ever sees.
     */
    public static TemporalConnection connect(Map<String, String> env) {
        return connect(env, null);
    }

    /** @param metrics where the SDK reports its client and worker metrics, or null for nowhere */
    public static TemporalConnection connect(Map<String, String> env, Scope metrics) {
        ClientConfigProfile profile;
        try {
            profile = ClientConfigProfile.load(LoadClientConfigProfileOptions.newBuilder()
                    .setEnvOverrides(env)
                    .build());
        } catch (IOException | RuntimeException e) {
            throw new ConnectionException("cannot read Temporal client configuration: " + e.getMessage()
                    + "; check TEMPORAL_CONFIG_FILE / TEMPORAL_PROFILE");
        }
        String address = profile.getAddress() != null ? profile.getAddress() : DEFAULT_ADDRESS;
        WorkflowServiceStubsOptions.Builder stubBuilder = WorkflowServiceStubsOptions.newBuilder(
                        profile.toWorkflowServiceStubsOptions())
                .setTarget(address)
                .setRpcTimeout(Duration.ofSeconds(10));
        if (metrics != null) stubBuilder.setMetricsScope(metrics);
        EventLoopGroup eventLoop = ownEventLoop(stubBuilder);
        WorkflowServiceStubsOptions stubOptions = stubBuilder.build();
        WorkflowClientOptions clientOptions = profile.toWorkflowClientOptions();
        String namespace = clientOptions.getNamespace() == null
                        || clientOptions.getNamespace().isBlank()
                ? DEFAULT_NAMESPACE
                : clientOptions.getNamespace();
        clientOptions = WorkflowClientOptions.newBuilder(clientOptions)
                .setNamespace(namespace)
                .build();
        WorkflowServiceStubs stubs;
        try {
            stubs = WorkflowServiceStubs.newServiceStubs(stubOptions);
        } catch (RuntimeException e) {
            stopEventLoop(eventLoop);
            throw new ConnectionException("Temporal at " + address + " is unreachable: " + e.getMessage()
                    + "; start the dev stack (./fuse-release dev) or set TEMPORAL_ADDRESS");
        }
        try {
            reach(stubs, address, namespace);
            checkNamespace(stubs, address, namespace);
        } catch (ConnectionException e) {
            stubs.awaitTermination(2, TimeUnit.SECONDS); // shut down by reach or checkNamespace
            stopEventLoop(eventLoop);
            throw e;
        }
        WorkflowClient client = WorkflowClient.newInstance(stubs, clientOptions);
        return new TemporalConnection(stubs, eventLoop, client, address, namespace);
    }

    /**
     * The channel's network thread, owned by this connection and stopped by {@link #close}. gRPC's
     * shared event loop outlives a channel by a second, and a JVM that exits while a thread waits in
     * epoll waits 300 ms for it (HotSpot's VM_Exit): a third of a cold {@code status}. One thread is
     * what one channel uses: a channel keeps one HTTP/2 connection, served by one event loop.
     */
    private static EventLoopGroup ownEventLoop(WorkflowServiceStubsOptions.Builder stubBuilder) {
        EventLoopGroup eventLoop = new NioEventLoopGroup(1, new DefaultThreadFactory("temporal-channel", true));
        Consumer<ManagedChannelBuilder<?>> configured = stubBuilder.build().getChannelInitializer();
        stubBuilder.setChannelInitializer(builder -> {
            if (configured != null) configured.accept(builder);
            ((NettyChannelBuilder) builder).eventLoopGroup(eventLoop).channelType(NioSocketChannel.class);
        });
        return eventLoop;
    }

    private static void stopEventLoop(EventLoopGroup eventLoop) {
        eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /**
     * Connects (at most {@link #CONNECT_TIMEOUT}; a refused port or a bad certificate fails at once)
     * and asks for the server's capabilities, so an unreachable server fails here, in one line.
     */
    private static void reach(WorkflowServiceStubs stubs, String address, String namespace) {
        try {
            ChannelWait.settle(stubs.getRawChannel(), CONNECT_TIMEOUT);
            stubs.blockingStub()
                    .withDeadlineAfter(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        } catch (StatusRuntimeException e) {
            stubs.shutdownNow();
            Optional<String> tls = TlsFailures.describe(e, TLS);
            if (tls.isPresent()) {
                throw new ConnectionException("TLS handshake with Temporal at " + address + " failed: " + tls.get());
            }
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED) {
                throw new ConnectionException("Temporal at " + address + " refused this client's credentials: " + code
                        + describe(e) + "; check TEMPORAL_API_KEY (or the client certificate) for namespace "
                        + namespace);
            }
            throw new ConnectionException("Temporal at " + address + " (namespace " + namespace + ") is unreachable: "
                    + e.getStatus().getCode() + describe(e)
                    + "; start the dev stack (./fuse-release dev) or set TEMPORAL_ADDRESS");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stubs.shutdownNow();
            throw new ConnectionException("interrupted while connecting to Temporal at " + address);
        }
    }

    private static void checkNamespace(WorkflowServiceStubs stubs, String address, String namespace) {
        try {
            stubs.blockingStub()
                    .describeNamespace(DescribeNamespaceRequest.newBuilder()
                            .setNamespace(namespace)
                            .build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return;
            }
            stubs.shutdownNow();
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw new ConnectionException("namespace '" + namespace + "' does not exist on Temporal at " + address
                        + "; set TEMPORAL_NAMESPACE to an existing one (default: " + DEFAULT_NAMESPACE
                        + ") or create it"
                        + " (temporal operator namespace create --namespace " + namespace + ")");
            }
            throw new ConnectionException("Temporal at " + address + " refused to describe namespace '" + namespace
                    + "': " + e.getStatus().getCode() + describe(e) + "; check TEMPORAL_NAMESPACE and the credentials");
        }
    }

    private static String describe(StatusRuntimeException e) {
        String d = e.getStatus().getDescription();
        return d == null ? "" : " (" + d + ")";
    }

    public WorkflowClient client() {
        return client;
    }

    public WorkflowServiceStubs stubs() {
        return stubs;
    }

    public String address() {
        return address;
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public void close() {
        stubs.shutdown();
        stubs.awaitTermination(5, TimeUnit.SECONDS);
        stopEventLoop(eventLoop);
    }

    /** Temporal cannot be reached or configured. */
    public static final class ConnectionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConnectionException(String message) {
            super(message);
        }
    }
}
