package dev.fuse.release.devstack.command;

import dev.fuse.release.approval.PolicyException;
import dev.fuse.release.cli.CliContext;
import dev.fuse.release.cli.CliException;
import dev.fuse.release.cli.ExitCodes;
import dev.fuse.release.cli.FuseReleaseCli;
import dev.fuse.release.cli.HelpOption;
import dev.fuse.release.client.CliEnvironment;
import dev.fuse.release.client.ReleaseClient;
import dev.fuse.release.console.ConsoleServer;
import dev.fuse.release.devstack.DevEnvFile;
import dev.fuse.release.devstack.DevStack;
import dev.fuse.release.devstack.Ports;
import dev.fuse.release.git.ExampleRepository;
import dev.fuse.release.notify.WebhookSettings;
import dev.fuse.release.secrets.WorkerSecrets;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "dev",
        description = "Run the embedded stack (Temporal test server, S3Proxy, worker) until interrupted.")
public class DevCommand implements Callable<Integer> {
    @ParentCommand
    FuseReleaseCli parent;

    @Option(names = "--data-dir", description = "Where S3 data lives (default: .fuse-release/dev in the checkout).")
    Path dataDir;

    @Option(
            names = "--temporal-port",
            defaultValue = "7233",
            description = "Temporal port; a free one if taken (default: ${DEFAULT-VALUE}).")
    int temporalPort;

    @Option(
            names = "--temporal-address",
            description =
                    "Use an existing Temporal service (host:port, e.g. temporal server start-dev's 127.0.0.1:7233,"
                            + " Web UI on 8233) instead of the embedded test server.")
    String temporalAddress;

    @Option(
            names = "--s3-port",
            defaultValue = "9000",
            description = "S3 port; a free one if taken (default: ${DEFAULT-VALUE}).")
    int s3Port;

    @Option(
            names = "--console-port",
            defaultValue = "8080",
            description = "Port of the web console on 127.0.0.1; a free one if taken, 0 for none"
                    + " (default: ${DEFAULT-VALUE}).")
    int consolePort;

    @Option(
            names = "--no-worker",
            description = "Run only Temporal and S3; start workers as separate processes with ./fuse-release worker.")
    boolean noWorker;

    @Mixin
    HelpOption help;

    /**
     * The stack, its orchestrator under the approval policy in FUSE_RELEASE_POLICY when set and
     * notifying the webhooks in FUSE_RELEASE_NOTIFY, with links to this console unless
     * FUSE_RELEASE_CONSOLE_URL names another.
     */
    private DevStack startStack(CliContext ctx, Path data, DevEnvFile owned, int console) throws Exception {
        String policyVariable = ctx.env().get("FUSE_RELEASE_POLICY");
        Path policy = policyVariable == null || policyVariable.isBlank() ? null : Path.of(policyVariable);
        List<String> errors = new ArrayList<>();
        WebhookSettings notifications = WebhookSettings.parse(
                ctx.env().get("FUSE_RELEASE_NOTIFY"),
                ctx.env().get("FUSE_RELEASE_NOTIFY_SECRET"),
                ctx.env().getOrDefault("FUSE_RELEASE_CONSOLE_URL", console == 0 ? null : consoleUrl(console)),
                errors);
        if (!errors.isEmpty()) {
            owned.close();
            throw new CliException(ExitCodes.BAD_INPUT, String.join("; ", errors));
        }
        WorkerSecrets.registerFrom(ctx.env());
        try {
            return DevStack.start(data, temporalAddress, temporalPort, s3Port, policy, !noWorker, notifications);
        } catch (PolicyException e) {
            owned.close();
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        Path home = CliEnvironment.home(ctx.env());
        Path data = (dataDir != null ? dataDir : home.resolve(".fuse-release/dev")).toAbsolutePath();
        Path envFile = home.resolve(CliEnvironment.DEV_ENV_FILE);
        // Claimed before anything starts: a second stack in this checkout would take other ports and
        // leave the other terminals talking to whichever stack wrote the file last.
        DevEnvFile owned = DevEnvFile.claim(envFile)
                .orElseThrow(() -> new CliException(
                        ExitCodes.CONFLICT,
                        "a dev stack of this checkout is already running (pid " + DevEnvFile.owner(envFile) + ", see "
                                + envFile + "); use it, or stop it (Ctrl-C in its terminal) before starting another"));
        Files.createDirectories(data);
        Path repo = data.resolve("example-repo");
        String commit = ExampleRepository.prepare(home.resolve("examples/fuse-hello"), repo);
        // The port is chosen first: the worker's notifications link to the console.
        int port = consolePort == 0 ? 0 : Ports.preferredOrFree(consolePort);
        DevStack stack = startStack(ctx, data, owned, port);
        Map<String, String> env = new LinkedHashMap<>(stack.env());
        env.put("FUSE_RELEASE_REPO", repo.toString());
        owned.write(env);
        ConsoleServer console = port == 0 ? null : startConsole(stack, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (console != null) console.close();
                owned.close();
                stack.close();
            } catch (Exception e) {
                System.err.println("fuse-release dev: error while stopping: " + e.getMessage());
            }
            stopped.countDown();
        }));
        printBanner(ctx, stack, data, repo, commit, env, envFile);
        if (console != null) ctx.out().println("Console: " + console.url() + " (follow, read and decide releases)");
        ctx.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** The console on loopback, on the release client of this stack. */
    private ConsoleServer startConsole(DevStack stack, int port) throws IOException {
        ReleaseClient releases = new ReleaseClient(stack.connection(), stack.store());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            return ConsoleServer.start(releases, new InetSocketAddress(loopback, port));
        } catch (BindException e) {
            // Taken between the check and the bind (another stack starting at the same moment): any free port.
            return ConsoleServer.start(releases, new InetSocketAddress(loopback, 0));
        }
    }

    private static String consoleUrl(int port) {
        return "http://127.0.0.1:" + port + "/";
    }

    private void printBanner(
            CliContext ctx,
            DevStack stack,
            Path data,
            Path repo,
            String commit,
            Map<String, String> env,
            Path envFile) {
        var out = ctx.out();
        out.println("fuse-release dev stack is up (data in " + data + ")");
        out.println("  Temporal  " + stack.env().get("TEMPORAL_ADDRESS") + "  namespace default");
        out.println("  S3        " + stack.env().get("AWS_ENDPOINT_URL_S3") + "  bucket "
                + stack.store().bucket());
        if (stack.worker() != null) {
            out.println("  worker    " + String.join(", ", stack.worker().queues()));
        } else {
            out.println("  worker    none (--no-worker): in other terminals of this checkout, for example");
            out.println("            FUSE_RELEASE_TARGETS=none ./fuse-release worker            # orchestrator");
            out.println("            FUSE_RELEASE_SIGNING_KEY=" + stack.signingKey()
                    + " FUSE_RELEASE_TARGETS=none FUSE_RELEASE_ORCHESTRATOR=false ./fuse-release worker   # signer");
            out.println(
                    "            FUSE_RELEASE_TARGETS=linux-x64 FUSE_RELEASE_ORCHESTRATOR=false ./fuse-release worker");
            out.println(
                    "            FUSE_RELEASE_TARGETS=macos-arm64,windows-x64 FUSE_RELEASE_EMULATE=macos-arm64,windows-x64"
                            + " FUSE_RELEASE_ORCHESTRATOR=false ./fuse-release worker");
        }
        out.println("  example   " + repo + " (branch main, commit " + commit.substring(0, 12) + ")");
        out.println();
        out.println("Other terminals in this checkout find the stack through " + envFile + ";");
        out.println("elsewhere, export:");
        env.forEach((k, v) -> out.println("  export " + k + "=" + v));
        out.println();
        out.println("Then, for example:");
        out.println("  ./fuse-release start --version 0.4.1 --revision main");
        out.println("  ./fuse-release watch 0.4.1");
        out.println("  ./fuse-release approve 0.4.1 --approver alice --comment \"gates green\"");
        out.println("Ctrl-C stops the stack; S3 data stays in " + data + ".");
    }
}
