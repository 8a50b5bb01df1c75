package dev.fuse.release.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fuse.release.cli.CliContext;
import dev.fuse.release.devstack.command.DevStackApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The references cannot drift from the code: every command and option picocli knows is in
 * docs/cli.md under its command, and every variable the main code reads is in
 * docs/configuration.md.
 */
class ReferenceDocsTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Pattern VARIABLE = Pattern.compile("\"((?:FUSE_RELEASE|TEMPORAL|AWS)_[A-Z0-9_]+)\"");
    static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{((?:FUSE_RELEASE|TEMPORAL|AWS)_[A-Z0-9_]+)");

    @Test
    void everyCommandAndOptionIsInTheCliReference() throws IOException {
        String doc = Files.readString(HOME.resolve("docs/cli.md"));
        List<String> missing = new ArrayList<>();
        try (CliContext context = new CliContext(
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()),
                Map.of(),
                false)) {
            for (Map.Entry<String, CommandLine> command :
                    DevStackApp.commandLine(context).getSubcommands().entrySet()) {
                if (command.getKey().equals("help")) continue;
                String section = section(doc, command.getKey());
                if (section == null) {
                    missing.add("command " + command.getKey());
                    continue;
                }
                for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                    if (!section.contains(option.longestName())) {
                        missing.add(command.getKey() + " " + option.longestName());
                    }
                }
            }
        }
        assertThat(missing).as("missing from docs/cli.md").isEmpty();
    }

    @Test
    void everyVariableTheCodeReadsIsInTheConfigurationReference() throws IOException {
        String doc = Files.readString(HOME.resolve("docs/configuration.md"));
        Set<String> read = new TreeSet<>();
        for (String module : List.of("workflows", "activities", "starter", "worker", "devstack")) {
            try (Stream<Path> files = Files.walk(HOME.resolve(module).resolve("src/main/java"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = VARIABLE.matcher(Files.readString(file));
                    while (m.find()) read.add(m.group(1));
                }
            }
        }
        // The launchers read a few of their own (JVM options, the class-data archive, worker memory).
        for (Path launcher :
                List.of(HOME.resolve("fuse-release"), HOME.resolve("distribution/src/dist/bin/fuse-release"))) {
            Matcher m = SHELL_VARIABLE.matcher(Files.readString(launcher));
            while (m.find()) read.add(m.group(1));
        }
        assertThat(read).as("variables the code names").hasSizeGreaterThan(20);
        assertThat(read.stream().filter(v -> !doc.contains("`" + v + "`")).toList())
                .as("missing from docs/configuration.md")
                .isEmpty();
    }

    /** The text of {@code ## `name`} up to the next section, or null. */
    private static String section(String doc, String name) {
        int start = doc.indexOf("## `" + name + "`");
        if (start < 0) return null;
        int end = doc.indexOf("\n## ", start + 1);
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }
}
