package dev.fuse.release.devstack.command;

import dev.fuse.release.app.FuseReleaseApp;
import dev.fuse.release.cli.CliContext;
import dev.fuse.release.cli.CommandSelection;
import dev.fuse.release.cli.FuseReleaseCli;
import dev.fuse.release.cli.help.HelpPages;
import dev.fuse.release.process.ProcessLaunch;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Entry point of {@code ./fuse-release} in a checkout ({@code devstack/target/fuse-release-dev.jar}):
 * everything the production distribution has, plus the embedded stack's commands (dev, demo,
 * fault-proxy), which need Temporal's test server and S3Proxy and so never ship to runners.
 */
public final class DevStackApp {
    private DevStackApp() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        boolean terminal = System.console() != null;
        // First, before logging and picocli: a help page is printed from the jar (HelpPages).
        if (HelpPages.printIfAsked("DevStackApp", args, env, terminal, System.out)) {
            return;
        }
        ProcessLaunch.preferDirectExec();
        FuseReleaseApp.configureLogging(env, args);
        System.exit(run(System.out, System.err, env, terminal, args));
    }

    public static int run(
            PrintStream out, PrintStream err, Map<String, String> env, boolean interactive, String... args) {
        return FuseReleaseCli.run(out, err, env, interactive, DevStackApp::commandLine, args);
    }

    /** Every command of the checkout's launcher: the production ones and the dev stack's. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, CommandSelection.ALL);
    }

    /** The commands {@code wanted} names ({@link CommandSelection}). */
    public static CommandLine commandLine(CliContext context, Predicate<String> wanted) {
        CommandLine cl = FuseReleaseApp.commandLine(context, wanted);
        if (wanted.test("dev")) cl.addSubcommand("dev", new DevCommand());
        if (wanted.test("demo")) cl.addSubcommand("demo", new DemoCommand());
        if (wanted.test("fault-proxy")) cl.addSubcommand("fault-proxy", new FaultProxyCommand());
        return cl;
    }
}
