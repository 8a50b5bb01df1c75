package dev.fuse.release.cli.help;

import dev.fuse.release.cli.TerminalColors;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The usage pages of an app's commands, rendered by picocli when the jar is built
 * ({@link HelpPagesWriter}) and printed from the jar when a command line only asks for help. Building
 * picocli's model of twenty commands by reflection is most of what {@code --help} cost (0.35-0.45 s
 * against 0.1 s for a JVM that prints a resource); the page printed is byte for byte the one
 * picocli would print ({@code HelpPagesTest} compares every page in both colour modes).
 *
 * <p>This class is loaded before anything else in a process, so it uses nothing but the JDK (and
 * {@link TerminalColors}, which does too).
 */
public final class HelpPages {
    /** The page of the root command, {@code fuse-release} itself. */
    public static final String ROOT = "fuse-release";

    private static final Set<String> HELP_OPTIONS = Set.of("-h", "--help");
    private static final String HELP_COMMAND = "help";
    /** Command names as the CLI spells them; anything else (a path, say) is never looked up. */
    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private HelpPages() {}

    /**
     * An entry point's first step: prints the page {@code args} ask for, coloured as
     * {@link TerminalColors} decides, and returns true; returns false, printing nothing, for any
     * other command line, which picocli then parses as usual.
     */
    public static boolean printIfAsked(
            String app, String[] args, Map<String, String> env, boolean terminal, PrintStream out) {
        return printIfAsked(app, List.of(args), TerminalColors.enabled(env, terminal), out);
    }

    static boolean printIfAsked(String app, List<String> args, boolean colors, PrintStream out) {
        if (System.getProperty("picocli.usage.width") != null) return false; // pages are 80 columns wide
        Optional<String> page = pageFor(args)
                .filter(command -> COMMAND_NAME.matcher(command).matches())
                .flatMap(command -> read(resource(app, command, colors)));
        page.ifPresent(text -> {
            out.print(text.replace("\n", System.lineSeparator()));
            out.flush();
        });
        return page.isPresent();
    }

    /**
     * The command whose usage these arguments ask for: nothing, {@code -h}, {@code --help} or
     * {@code help} for the root; {@code help X}, {@code X -h} or {@code X --help} for X.
     */
    static Optional<String> pageFor(List<String> args) {
        if (args.isEmpty()) return Optional.of(ROOT);
        String first = args.get(0);
        if (args.size() == 1) {
            boolean asksForHelp = HELP_OPTIONS.contains(first) || first.equals(HELP_COMMAND);
            return asksForHelp ? Optional.of(ROOT) : Optional.empty();
        }
        if (args.size() > 2 || first.startsWith("-")) return Optional.empty();
        String second = args.get(1);
        if (HELP_OPTIONS.contains(second)) return Optional.of(first);
        if (first.equals(HELP_COMMAND) && !second.startsWith("-")) return Optional.of(second);
        return Optional.empty();
    }

    /** Where a page lives in the jar: one folder per app, since the dev jar holds both apps. */
    public static String resource(String app, String command, boolean colors) {
        return "help/" + app + "/" + (colors ? "ansi" : "plain") + "/" + command + ".txt";
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = HelpPages.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " from the jar", e);
        }
    }
}
