package dev.fuse.release.e2e;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * What stands in front of a production Temporal frontend, on loopback: a gRPC server with TLS
 * (ALPN h2, the certificate of a private CA), requiring a client certificate of that CA and an
 * API key in the {@code authorization} header, that forwards every call to the embedded test
 * server. The client under test takes its real TLS path: certificates, handshake, metadata.
 */
final class TlsTemporalFront implements AutoCloseable {
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Server server;
    private final ManagedChannel backend;

    private TlsTemporalFront(Server server, ManagedChannel backend) {
        this.server = server;
        this.backend = backend;
    }

    /**
     * @param serverCertificate what the front presents
     * @param clientCa the CA whose client certificates it accepts
     * @param apiKey the key every call must carry as {@code Bearer <key>}
     */
    static TlsTemporalFront start(
            PrivateCa.Issued serverCertificate, PrivateCa clientCa, String apiKey, String backendAddress)
            throws IOException {
        ManagedChannel backend =
                ManagedChannelBuilder.forTarget(backendAddress).usePlaintext().build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .sslContext(GrpcSslContexts.forServer(
                                serverCertificate.certificate().toFile(),
                                serverCertificate.key().toFile())
                        .trustManager(clientCa.certificatePath().toFile())
                        .clientAuth(ClientAuth.REQUIRE)
                        .build())
                .fallbackHandlerRegistry(new Forwarding(backend, apiKey))
                .build()
                .start();
        return new TlsTemporalFront(server, backend);
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
            backend.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every method, as raw bytes, to the backend: the front knows nothing of Temporal's API. */
    private static final class Forwarding extends HandlerRegistry {
        private final ManagedChannel backend;
        private final ServerInterceptor apiKeyCheck;

        Forwarding(ManagedChannel backend, String apiKey) {
            this.backend = backend;
            this.apiKeyCheck = new ApiKeyCheck("Bearer " + apiKey);
        }

        @Override
        public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
            MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNKNOWN)
                    .setFullMethodName(methodName)
                    .setRequestMarshaller(Bytes.INSTANCE)
                    .setResponseMarshaller(Bytes.INSTANCE)
                    .build();
            return ServerInterceptors.intercept(
                            ServerServiceDefinition.builder(MethodDescriptor.extractFullServiceName(methodName))
                                    .addMethod(method, new Relay(backend))
                                    .build(),
                            apiKeyCheck)
                    .getMethod(methodName);
        }
    }

    /** Refuses a call without the API key, as Temporal Cloud does. */
    private record ApiKeyCheck(String expected) implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            if (!expected.equals(headers.get(AUTHORIZATION))) {
                call.close(Status.UNAUTHENTICATED.withDescription("missing or wrong API key"), new Metadata());
                return new ServerCall.Listener<>() {};
            }
            return next.startCall(call, headers);
        }
    }

    /** One call relayed message by message, in both directions, with flow control. */
    private record Relay(ManagedChannel backend) implements ServerCallHandler<byte[], byte[]> {
        @Override
        public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> call, Metadata headers) {
            ClientCall<byte[], byte[]> out = backend.newCall(call.getMethodDescriptor(), CallOptions.DEFAULT);
            out.start(
                    new ClientCall.Listener<>() {
                        @Override
                        public void onHeaders(Metadata responseHeaders) {
                            call.sendHeaders(responseHeaders);
                        }

                        @Override
                        public void onMessage(byte[] message) {
                            call.sendMessage(message);
                            out.request(1);
                        }

                        @Override
                        public void onClose(Status status, Metadata trailers) {
                            call.close(status, trailers);
                        }
                    },
                    headers);
            out.request(1);
            call.request(1);
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
                    new ServerCall.Listener<byte[]>() {}) {
                @Override
                public void onMessage(byte[] message) {
                    out.sendMessage(message);
                    call.request(1);
                }

                @Override
                public void onHalfClose() {
                    out.halfClose();
                }

                @Override
                public void onCancel() {
                    out.cancel("client cancelled", null);
                }
            };
        }
    }

    private enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
        INSTANCE;

        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INTERNAL.withCause(e).asRuntimeException();
            }
        }
    }
}
