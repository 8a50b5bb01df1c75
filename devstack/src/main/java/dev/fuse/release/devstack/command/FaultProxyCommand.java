package dev.fuse.release.devstack.command;

import dev.fuse.release.cli.CliException;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.cli.HelpOption;
import dev.fuse.release.devstack.FaultProxy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./fuse-release fault-proxy}: a {@link FaultProxy} for shell-driven fault drills
 * ({@code scripts/soak.sh}). The service is cut while the cut file exists and restored when it is
 * removed, so a script cuts with {@code touch} and restores with {@code rm}.
 */
@Command(
        name = "fault-proxy",
        hidden = true,
        description = {
            "Fault drills: forward 127.0.0.1:<listen> to <host:port>; while --cut-file exists the service is",
            "unreachable through it (connections reset). Runs until interrupted."
        })
public class FaultProxyCommand implements Callable<Integer> {
    @Option(names = "--listen", required = true, description = "Loopback port to listen on (0: a free one, printed).")
    int listen;

    @Option(names = "--to", required = true, description = "host:port of the service behind the proxy.")
    String to;

    @Option(names = "--cut-file", required = true, description = "While this file exists, the service is cut.")
    Path cutFile;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() throws Exception {
        int colon = to.lastIndexOf(':');
        if (colon <= 0 || !to.substring(colon + 1).matches("[0-9]{1,5}")) {
            throw new CliException(ExitCodes.BAD_INPUT, "--to '" + to + "' must be host:port, e.g. 127.0.0.1:7233");
        }
        InetSocketAddress target =
                new InetSocketAddress(to.substring(0, colon), Integer.parseInt(to.substring(colon + 1)));
        try (FaultProxy proxy = FaultProxy.start(listen, target)) {
            System.out.println(
                    "fault proxy 127.0.0.1:" + proxy.port() + " -> " + to + "; cut while " + cutFile + " exists");
            while (!Thread.currentThread().isInterrupted()) {
                boolean wanted = Files.exists(cutFile);
                if (wanted && !proxy.isCut()) proxy.cut();
                if (!wanted && proxy.isCut()) proxy.restore();
                Thread.sleep(100);
            }
        }
        return ExitCodes.OK;
    }
}
