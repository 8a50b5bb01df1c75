package dev.fuse.release.cli;

import java.util.function.Function;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Which commands a command line is built with: the one its first argument names, else all of them.
 * picocli builds a model of every command it is given, by reflection, before parsing; for one
 * command that is a third of the time a cold {@code status} spent before its first call.
 */
public final class CommandSelection {
    public static final Predicate<String> ALL = name -> true;

    private CommandSelection() {}

    /**
     * The command line {@code build} makes for these arguments: with the named command only, or
     * with all when no command is named (an option, {@code help}) or the name is none of them, so
     * that picocli's own errors and suggestions ("Did you mean: status?") see every command.
     */
    public static CommandLine build(Function<Predicate<String>, CommandLine> build, String... args) {
        if (args.length == 0 || args[0].startsWith("-") || args[0].equals("help")) {
            return build.apply(ALL);
        }
        String named = args[0];
        CommandLine commandLine = build.apply(named::equals);
        return commandLine.getSubcommands().isEmpty() ? build.apply(ALL) : commandLine;
    }
}
