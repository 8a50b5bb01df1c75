package dev.fuse.release.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback TCP proxy for fault drills: workers talk to the S3 endpoint or the Temporal frontend
 * through it, and a drill {@linkplain #cut() cuts} it to make that service unreachable. While cut,
 * every open connection is reset and new ones are reset as soon as they are accepted (what a
 * client sees of a dead server or a dropped network path: "connection reset", "refused"), until
 * {@linkplain #restore() restored}. Used by the fault tests and {@code scripts/soak.sh}.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean cut;

    private FaultProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port) and forwards to {@code target}. */
    public static FaultProxy start(int port, InetSocketAddress target) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        FaultProxy proxy = new FaultProxy(server, target);
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The service behind the proxy becomes unreachable: open connections are reset, new ones refused. */
    public void cut() {
        cut = true;
        open.forEach(FaultProxy::reset);
        open.clear();
        log.warn("fault proxy :{} -> {} cut", port(), target);
    }

    public void restore() {
        cut = false;
        log.warn("fault proxy :{} -> {} restored", port(), target);
    }

    public boolean isCut() {
        return cut;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    reset(client);
                } else {
                    threads.execute(() -> connect(client));
                }
            } catch (IOException e) {
                if (!server.isClosed()) log.debug("accept failed", e);
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, 5_000);
        } catch (IOException e) {
            reset(client);
            return;
        }
        open.add(client);
        open.add(upstream);
        AtomicInteger directions = new AtomicInteger(2);
        threads.execute(() -> pump(client, upstream, directions));
        threads.execute(() -> pump(upstream, client, directions));
    }

    /** Copies one direction; an orderly end is passed on as a half-close, a broken one as a reset. */
    private void pump(Socket from, Socket to, AtomicInteger directions) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
            if (directions.decrementAndGet() == 0) {
                close(from);
                close(to);
            }
        } catch (IOException e) {
            reset(to);
            reset(from);
            open.remove(from);
            open.remove(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Closes with an RST rather than a FIN: the peer sees a broken connection, not an orderly end. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        cut();
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
