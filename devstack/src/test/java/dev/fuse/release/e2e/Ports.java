package dev.fuse.release.e2e;

import java.io.IOException;
import java.net.ServerSocket;

/** Loopback ports for servers a test starts itself (a second Temporal, a metrics endpoint). */
final class Ports {
    private Ports() {}

    /** A port free right now; the server that takes it binds it a moment later. */
    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
