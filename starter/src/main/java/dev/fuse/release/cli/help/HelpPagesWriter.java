package dev.fuse.release.cli.help;

import dev.fuse.release.cli.CliContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * A build step (exec-maven-plugin at process-classes, in the modules with an entry point): renders
 * every usage page of an app's command line, without and with colours, into its classes folder,
 * where {@link HelpPages} finds them in the jar.
 *
 * <p>Arguments: the entry point's class, which has {@code static CommandLine commandLine(CliContext)},
 * and the classes folder.
 */
public final class HelpPagesWriter {
    private HelpPagesWriter() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: HelpPagesWriter <entry point class> <classes folder>");
        }
        Class<?> app = Class.forName(args[0]);
        Method commandLine = app.getMethod("commandLine", CliContext.class);
        PrintStream discard = new PrintStream(PrintStream.nullOutputStream());
        try (CliContext context = new CliContext(discard, discard, Map.of(), false)) {
            write(app.getSimpleName(), (CommandLine) commandLine.invoke(null, context), Path.of(args[1]));
        }
    }

    /** Writes the pages of {@code root} and its subcommands, in name order; returns how many. */
    public static int write(String app, CommandLine root, Path classes) throws IOException {
        Map<String, CommandLine> commands = new TreeMap<>(root.getSubcommands());
        commands.put(HelpPages.ROOT, root);
        int written = 0;
        for (boolean colors : new boolean[] {false, true}) {
            root.setColorScheme(Help.defaultColorScheme(colors ? Help.Ansi.ON : Help.Ansi.OFF));
            for (Map.Entry<String, CommandLine> command : commands.entrySet()) {
                Path page = classes.resolve(HelpPages.resource(app, command.getKey(), colors));
                Files.createDirectories(page.getParent());
                Files.writeString(page, usage(command.getValue()), StandardCharsets.UTF_8);
                written++;
            }
        }
        return written;
    }

    /** What {@code usage} prints, with the line ends of the build machine made plain newlines. */
    static String usage(CommandLine command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            command.usage(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
