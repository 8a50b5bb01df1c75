package dev.fuse.release.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks the preferred loopback port when it is free, else any free one. */
final class Ports {
  private Ports() {}

  static int preferredOrFree(int preferred) {
    if (preferred > 0 && isFree(preferred)) return preferred;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
    }
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
