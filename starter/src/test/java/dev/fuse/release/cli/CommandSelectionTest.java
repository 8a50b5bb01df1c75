package dev.fuse.release.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line is built with the command it names only, and with all of them otherwise. */
class CommandSelectionTest {
    private final PrintStream discard = new PrintStream(PrintStream.nullOutputStream());
    private final CliContext context = new CliContext(discard, discard, Map.of(), false);

    @AfterEach
    void close() {
        context.close();
    }

    private CommandLine built(String... args) {
        return CommandSelection.build(wanted -> FuseReleaseCli.commandLine(context, wanted), args);
    }

    @Test
    void aNamedCommandIsBuiltAlone() {
        assertThat(built("status", "0.4.0").getSubcommands()).containsOnlyKeys("status");
        assertThat(built("approve", "--help").getSubcommands()).containsOnlyKeys("approve");
    }

    @Test
    void optionsHelpAndUnknownNamesGetEveryCommand() {
        int all = FuseReleaseCli.commandLine(context).getSubcommands().size();
        assertThat(all).isGreaterThan(15);
        for (String[] args : new String[][] {{}, {"--version"}, {"help", "status"}, {"stauts", "0.4.0"}}) {
            assertThat(built(args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
    }

    @Test
    void aMistypedCommandIsStillABadInputNamingIt() {
        FuseReleaseCliTest.Result r = FuseReleaseCliTest.run("stauts", "0.4.0");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("'stauts'").contains("./fuse-release --help");
    }
}
