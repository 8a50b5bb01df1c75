package dev.fuse.release.measure;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A service for sampler tests: answers every request on $PORT with HTTP 200 until killed. */
public final class TinyHttpService {
    private TinyHttpService() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("PORT"));
        byte[] ok = "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[512]);
                    OutputStream out = s.getOutputStream();
                    out.write(ok);
                    out.flush();
                }
            }
        }
    }
}
