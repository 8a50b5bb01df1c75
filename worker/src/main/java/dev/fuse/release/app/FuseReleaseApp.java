package dev.fuse.release.app;

import dev.fuse.release.cli.CliContext;
import dev.fuse.release.cli.CommandSelection;
import dev.fuse.release.cli.FuseReleaseCli;
import dev.fuse.release.cli.help.HelpPages;
import dev.fuse.release.client.CliEnvironment;
import dev.fuse.release.process.ProcessLaunch;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Entry point of the production distribution ({@code worker/target/fuse-release.jar}): the release
 * manager's CLI plus {@code worker}. The embedded dev stack (dev, demo, fault-proxy) is not part of
 * it; {@code devstack}'s entry point adds those for the launcher and the tests.
 */
public final class FuseReleaseApp {
    private static final Set<String> LONG_RUNNING = Set.of("dev", "worker");

    private FuseReleaseApp() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        boolean terminal = System.console() != null;
        // First, before logging and picocli: a help page is printed from the jar (HelpPages).
        if (HelpPages.printIfAsked("FuseReleaseApp", args, env, terminal, System.out)) {
            return;
        }
        ProcessLaunch.preferDirectExec();
        configureLogging(env, args);
        System.exit(run(System.out, System.err, env, terminal, args));
    }

    public static int run(
            PrintStream out, PrintStream err, Map<String, String> env, boolean interactive, String... args) {
        return FuseReleaseCli.run(out, err, env, interactive, FuseReleaseApp::commandLine, args);
    }

    /** The CLI's commands and {@code worker}, ready for more (the dev stack's). */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, CommandSelection.ALL);
    }

    /** The commands {@code wanted} names ({@link CommandSelection}). */
    public static CommandLine commandLine(CliContext context, Predicate<String> wanted) {
        CommandLine cl = FuseReleaseCli.commandLine(context, wanted);
        if (wanted.test("worker")) cl.addSubcommand("worker", new WorkerCommand());
        if (wanted.test("doctor")) cl.addSubcommand("doctor", new DoctorCommand());
        return cl;
    }

    /** Must run before the first logger is created: logback reads these properties once. */
    public static void configureLogging(Map<String, String> env, String[] args) {
        String command = args.length > 0 ? args[0] : "";
        System.setProperty("fuse.console.level", LONG_RUNNING.contains(command) ? "INFO" : "OFF");
        if ("json".equals(env.get("FUSE_RELEASE_LOG_FORMAT"))) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        Path logs = CliEnvironment.home(env).resolve(".fuse-release/logs");
        try {
            Files.createDirectories(logs);
            System.setProperty("fuse.log.file", logs.resolve("fuse-release.log").toString());
        } catch (Exception e) {
            // An unwritable checkout: logs go to the temp directory (logback.xml's default).
        }
    }
}
