package dev.fuse.release.devstack.command;

import dev.fuse.release.app.FuseReleaseApp;
import dev.fuse.release.cli.CliContext;
import dev.fuse.release.client.CliEnvironment;
import dev.fuse.release.process.ProcessLaunch;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point of {@code ./fuse-release} in a checkout ({@code devstack/target/fuse-release-dev.jar}):
 * everything the production distribution has, plus the embedded stack's commands (dev, demo,
 * fault-proxy), which need Temporal's test server and S3Proxy and so never ship to runners.
 */
public final class DevStackApp {
    private DevStackApp() {}

    public static void main(String[] args) {
        ProcessLaunch.preferDirectExec();
        Map<String, String> env = System.getenv();
        FuseReleaseApp.configureLogging(env, args);
        System.exit(run(System.out, System.err, env, System.console() != null, args));
    }

    public static int run(
            PrintStream out, PrintStream err, Map<String, String> env, boolean interactive, String... args) {
        try (CliContext context = new CliContext(out, err, CliEnvironment.resolve(env), interactive)) {
            return commandLine(context).execute(args);
        }
    }

    /** Every command of the checkout's launcher: the production ones and the dev stack's. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cl = FuseReleaseApp.commandLine(context);
        cl.addSubcommand("dev", new DevCommand());
        cl.addSubcommand("demo", new DemoCommand());
        cl.addSubcommand("fault-proxy", new FaultProxyCommand());
        return cl;
    }
}
