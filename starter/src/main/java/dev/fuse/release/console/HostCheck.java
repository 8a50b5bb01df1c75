package dev.fuse.release.console;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Host header a request must carry: the console's own address. A web page elsewhere can make
 * a browser resolve its own name to 127.0.0.1 (DNS rebinding) and then read and post to the
 * console as if it were that page's origin, session and token included; such a request names
 * the other host, and is refused before it reaches a route.
 */
final class HostCheck {
    private final Set<String> allowed;

    private HostCheck(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /**
     * The bound address itself (and the loopback names when it is loopback or the wildcard), plus
     * the names a proxy in front of the console sends ({@code extra}, "name" or "name:port").
     */
    static HostCheck forAddress(InetSocketAddress bound, List<String> extra) {
        int port = bound.getPort();
        Set<String> hosts = new TreeSet<>();
        InetAddress address = bound.getAddress();
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            hosts.add("127.0.0.1:" + port);
            hosts.add("localhost:" + port);
            hosts.add("[::1]:" + port);
        }
        if (!address.isAnyLocalAddress()) {
            String literal = address.getHostAddress();
            hosts.add((literal.contains(":") ? "[" + literal + "]" : literal) + ":" + port);
        }
        for (String name : extra) {
            String host = name.trim().toLowerCase(Locale.ROOT);
            hosts.add(host);
            if (!host.contains(":")) hosts.add(host + ":" + port);
        }
        return new HostCheck(hosts);
    }

    boolean allows(String host) {
        return host != null && allowed.contains(host.trim().toLowerCase(Locale.ROOT));
    }
}
