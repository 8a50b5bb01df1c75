package dev.fuse.release.devstack;

import dev.fuse.release.process.LoopbackPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks the preferred loopback port when it is free, else any free one. */
public final class Ports {
    private Ports() {}

    public static int preferredOrFree(int preferred) {
        return preferred > 0 && isFree(preferred) ? preferred : LoopbackPorts.free();
    }

    static boolean isFree(int port) {
        // Bind the wildcard address: the Temporal test server listens on all interfaces.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
