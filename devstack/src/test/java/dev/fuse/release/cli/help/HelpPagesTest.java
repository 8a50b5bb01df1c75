package dev.fuse.release.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.app.FuseReleaseApp;
import dev.fuse.release.cli.CliContext;
import dev.fuse.release.cli.TerminalColors;
import dev.fuse.release.devstack.command.DevStackApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The pages the build rendered into the jars are what picocli prints: for both entry points, every
 * command, every way of asking for help, with and without colours. A description changed without
 * the pages being rendered again, or a colour decision that differs, fails here.
 */
class HelpPagesTest {
    /** An entry point: its picocli path (run) and its command line. */
    record App(String name, PicocliRun run, Function<CliContext, CommandLine> commandLine) {}

    interface PicocliRun {
        int run(PrintStream out, PrintStream err, Map<String, String> env, boolean terminal, String... args);
    }

    static final List<App> APPS = List.of(
            new App("FuseReleaseApp", FuseReleaseApp::run, FuseReleaseApp::commandLine),
            new App("DevStackApp", DevStackApp::run, DevStackApp::commandLine));

    @TempDir
    Path home;

    @Test
    void everyPageIsWhatPicocliPrintsInBothColourModes() {
        int compared = 0;
        for (App app : APPS) {
            for (String command : commands(app)) {
                for (List<String> args : waysToAsk(command)) {
                    compareWithPicocli(app, args, Map.of(), true);
                    compareWithPicocli(app, args, Map.of(), false);
                    compareWithPicocli(app, args, Map.of("NO_COLOR", "1"), true);
                    compared += 3;
                }
            }
        }
        // Two apps, 19 and 22 commands, 3 (root: 5) ways each, 3 colour settings.
        assertThat(compared).isGreaterThan(300);
    }

    @Test
    void anUnknownCommandOrAPathIsLeftToPicocli() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        for (List<String> args :
                List.of(List.of("help", "nosuch"), List.of("help", "../plain/status"), List.of("nosuch", "--help"))) {
            assertThat(HelpPages.printIfAsked("FuseReleaseApp", args, false, print))
                    .as("%s", args)
                    .isFalse();
        }
        assertThat(out.size()).isZero();
    }

    @Test
    void aWidthChosenForPicocliGoesToPicocli() {
        String before = System.setProperty("picocli.usage.width", "120");
        try {
            PrintStream discard = new PrintStream(PrintStream.nullOutputStream());
            assertThat(HelpPages.printIfAsked("FuseReleaseApp", List.of("--help"), false, discard))
                    .isFalse();
        } finally {
            if (before == null) System.clearProperty("picocli.usage.width");
            else System.setProperty("picocli.usage.width", before);
        }
    }

    private void compareWithPicocli(App app, List<String> args, Map<String, String> colorEnv, boolean terminal) {
        Map<String, String> env = new HashMap<>(colorEnv);
        env.put("FUSE_RELEASE_HOME", home.toString());
        boolean colors = TerminalColors.enabled(env, terminal);

        ByteArrayOutputStream page = new ByteArrayOutputStream();
        boolean answered =
                HelpPages.printIfAsked(app.name(), args, colors, new PrintStream(page, true, StandardCharsets.UTF_8));

        ByteArrayOutputStream picocli = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = app.run()
                .run(
                        new PrintStream(picocli, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env,
                        terminal,
                        args.toArray(String[]::new));

        String what = app.name() + " " + args + " colours " + colors;
        assertThat(answered).as(what).isTrue();
        assertThat(code).as(what).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).as(what).isEmpty();
        assertThat(page.toString(StandardCharsets.UTF_8))
                .as(what)
                .isEqualTo(picocli.toString(StandardCharsets.UTF_8))
                .contains("Usage:");
        assertThat(page.toString(StandardCharsets.UTF_8).contains("\u001b["))
                .as(what)
                .isEqualTo(colors);
    }

    private Set<String> commands(App app) {
        PrintStream discard = new PrintStream(PrintStream.nullOutputStream());
        try (CliContext context = new CliContext(discard, discard, Map.of(), false)) {
            Set<String> names = new TreeSet<>(
                    app.commandLine().apply(context).getSubcommands().keySet());
            names.add(HelpPages.ROOT);
            return names;
        }
    }

    private static List<List<String>> waysToAsk(String command) {
        if (command.equals(HelpPages.ROOT)) {
            return List.of(List.of(), List.of("help"), List.of("-h"), List.of("--help"));
        }
        return List.of(List.of("help", command), List.of(command, "-h"), List.of(command, "--help"));
    }
}
