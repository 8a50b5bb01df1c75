package dev.fuse.release.cli;

import dev.fuse.release.console.ConsoleServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Serves the console (releases, one page per release, decisions) until interrupted. */
@Command(
        name = "console",
        description = "Serve the approvers' and operators' web console: every release, and one page per release"
                + " with its targets, gates, measured changes, notes, artifacts and decisions.")
public class ConsoleCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Mixin
    HelpOption help;

    @Option(
            names = "--listen",
            defaultValue = "127.0.0.1:8080",
            paramLabel = "<host:port>",
            description = "Where to listen (default: ${DEFAULT-VALUE}; port 0 picks a free one). The console has no"
                    + " login of its own: keep it on loopback, or behind a proxy that authenticates.")
    String listen;

    @Option(
            names = "--allow-host",
            paramLabel = "<name[:port]>",
            description = "Another Host name to answer to, e.g. the name a proxy in front of the console forwards"
                    + " (repeatable). Requests naming any other host are refused (DNS rebinding).")
    List<String> allowedHosts;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CliContext ctx = parent.context();
        InetSocketAddress address = address(listen);
        List<String> hosts = allowedHosts == null ? List.of() : allowedHosts;
        try (ConsoleServer console = ConsoleServer.start(ctx.releases(), address, hosts)) {
            if (!address.getAddress().isLoopbackAddress()) {
                ctx.err()
                        .println("warning: the console listens on " + listen + ", beyond this machine; it has no"
                                + " login of its own, so put an authenticating proxy in front of it");
            }
            ctx.out().println("console: " + console.url() + " (Ctrl-C stops it)");
            ctx.out().flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return ExitCodes.OK;
    }

    static InetSocketAddress address(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new CliException(
                    ExitCodes.BAD_INPUT, "--listen " + listen + " is not host:port, e.g. 127.0.0.1:8080");
        }
        String host = listen.substring(0, colon).replaceAll("^\\[|]$", "");
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new CliException(ExitCodes.BAD_INPUT, "--listen " + listen + " has no port from 0 to 65535");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--listen " + listen + ": unknown host " + host);
        }
    }
}
