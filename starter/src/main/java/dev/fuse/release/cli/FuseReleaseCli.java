package dev.fuse.release.cli;

import dev.fuse.release.client.CliEnvironment;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fuse-release}: the release manager's command line. Commands are one class each; this
 * class wires them, and maps every error to a one-line message and an exit code.
 */
@Command(
        name = "fuse-release",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        description = "Durable, verified releases of the Fuse AOT backend (Temporal + S3).")
public class FuseReleaseCli implements Runnable {
    /**
     * The release manager's commands, in the order help lists them. Added to the command line by
     * {@link #commandLine(CliContext, Predicate)} rather than declared in the annotation, so that a
     * command builds picocli's model of itself only, not of all twenty.
     */
    private static final List<Class<?>> COMMANDS = List.of(
            StartCommand.class,
            VerifyCommand.class,
            StatusCommand.class,
            WatchCommand.class,
            ApproveCommand.class,
            RejectCommand.class,
            RetryCommand.class,
            AbandonCommand.class,
            CancelCommand.class,
            RollbackCommand.class,
            ListCommand.class,
            SetupCommand.class,
            NotesCommand.class,
            DownloadCommand.class,
            ConsoleCommand.class,
            CommandLine.HelpCommand.class);

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    public FuseReleaseCli(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    @Override
    public void run() {
        // The command line as built, with the app's extra commands and its colours.
        spec.commandLine().usage(context.out());
    }

    /**
     * One line on stderr for people; with {@code --output json}, also a JSON object on stdout, so a
     * script that asked for JSON always gets JSON, errors included.
     */
    static void report(CliContext context, List<String> args, int exitCode, String message) {
        context.err().println("fuse-release: " + Text.safe(message));
        if (wantsJson(args)) {
            // Ordered maps: Map.of iterates in an order that changes from one JVM to the next.
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            error.put("exitCode", exitCode);
            context.out().println(Json.write(Map.of("error", error)));
        }
    }

    static boolean wantsJson(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--output=json")
                    || args.get(i).equals("--output")
                            && i + 1 < args.size()
                            && args.get(i + 1).equals("json")) {
                return true;
            }
        }
        return false;
    }

    /** Builds an app's command line with the commands {@code wanted} names ({@link CommandSelection}). */
    @FunctionalInterface
    public interface Commands {
        CommandLine build(CliContext context, Predicate<String> wanted);
    }

    /** Runs the CLI in-process (tests use this); returns the exit code. */
    public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        return run(out, err, env, System.console() != null, FuseReleaseCli::commandLine, args);
    }

    /** Runs an app's command line in-process (its entry point and the tests use this); returns the exit code. */
    public static int run(
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            boolean interactive,
            Commands commands,
            String... args) {
        try (CliContext context = new CliContext(out, err, CliEnvironment.resolve(env), interactive)) {
            CommandLine commandLine = CommandSelection.build(wanted -> commands.build(context, wanted), args);
            return execute(commandLine, context, args);
        }
    }

    /**
     * Runs a command line built by {@link #commandLine} and the app's extra subcommands, printing to
     * the context's streams, coloured as {@link TerminalColors} decides. Both are set here, once all
     * subcommands are added: picocli passes them on to the subcommands a command has when they are
     * set, not to later ones (the app's {@code doctor -h} printed to System.out instead).
     */
    private static int execute(CommandLine commandLine, CliContext context, String... args) {
        commandLine.setOut(new PrintWriter(context.out(), true));
        commandLine.setErr(new PrintWriter(context.err(), true));
        boolean colors = TerminalColors.enabled(context.env(), context.interactive());
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(colors ? Ansi.ON : Ansi.OFF));
        return commandLine.execute(args);
    }

    /** The command line with every command and error mapping, ready for extra subcommands (dev, worker, demo). */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, CommandSelection.ALL);
    }

    /** The command line with the commands {@code wanted} names ({@link CommandSelection}). */
    public static CommandLine commandLine(CliContext context, Predicate<String> wanted) {
        CommandLine cl = new CommandLine(new FuseReleaseCli(context));
        for (Class<?> command : COMMANDS) {
            if (wanted.test(command.getAnnotation(Command.class).name())) {
                cl.addSubcommand(command);
            }
        }
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            ErrorMapper.Mapped mapped = ErrorMapper.map(e);
            report(context, parseResult.originalArgs(), mapped.exitCode(), mapped.message());
            if (mapped.exitCode() == ExitCodes.INTERNAL) {
                e.printStackTrace(context.err());
            }
            return mapped.exitCode();
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine where = e.getCommandLine();
            String help = where.getParent() == null
                    ? "./fuse-release --help"
                    : "./fuse-release " + where.getCommandName() + " --help";
            report(context, List.of(args), ExitCodes.BAD_INPUT, e.getMessage() + " (see " + help + ")");
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }
}
