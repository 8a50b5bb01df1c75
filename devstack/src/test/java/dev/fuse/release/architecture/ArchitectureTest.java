package dev.fuse.release.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code base as rules the build checks: no package cycles, the workflows module
 * free of anything non-deterministic (our stand-in for temporal-workflowcheck, which Maven
 * Central does not serve), other modules using only its contract, every version marker an open
 * patch, small classes and methods, and no inline fully qualified names. Reads the compiled
 * classes of every module with jdeps and the sources.
 */
class ArchitectureTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final List<String> MODULES = List.of("workflows", "activities", "starter", "worker", "devstack");
    static final int MAX_CLASS_LINES = 250;
    static final int MAX_METHOD_LINES = 50;

    /** The implementation classes of the workflows module another module may name: the ones workers register. */
    static final Pattern REGISTERED_WORKFLOWS = Pattern.compile(
            "dev\\.fuse\\.release\\.workflow\\.(ReleaseWorkflowImpl|TargetPipelineWorkflowImpl|RollbackWorkflowImpl)");

    /** JDK classes workflow code must never touch: clocks, randomness, threads, I/O, unordered collections. */
    static final Pattern FORBIDDEN_IN_WORKFLOWS = Pattern.compile(
            "java\\.lang\\.(Thread|System|Runtime|Process.*)"
                    + "|java\\.util\\.(HashMap|HashSet|Random|UUID|Date|Calendar)|java\\.util\\.concurrent\\..*"
                    + "|java\\.io\\.File.*|java\\.nio\\.file\\..*|java\\.net\\..*|java\\.time\\.(Instant|Clock|LocalDate.*|ZonedDateTime)");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> edges = new TreeMap<>();
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none", "-e", "dev\\.fuse\\..*"));
        MODULES.forEach(m -> args.add(HOME.resolve(m).resolve("target/classes").toString()));
        for (String line : jdeps(args.toArray(String[]::new))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 3
                    && parts[0].startsWith("dev.fuse")
                    && parts[2].startsWith("dev.fuse")
                    && !parts[0].equals(parts[2])) {
                edges.computeIfAbsent(parts[0], k -> new TreeSet<>()).add(parts[2]);
            }
        }
        assertThat(edges).isNotEmpty();
        assertThat(Cycles.find(edges)).as("package cycles").isEmpty();
    }

    @Test
    void workflowCodeUsesNoClockRandomnessThreadsIoOrUnorderedCollections() {
        List<String> violations = new ArrayList<>();
        for (String line : jdeps(
                "-verbose:class",
                "-filter:none",
                HOME.resolve("workflows/target/classes").toString())) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 3 || !parts[0].startsWith("dev.fuse")) continue;
            String target = parts[2];
            // Jackson's annotations (how a value is named on the wire) do no I/O; the rest of Jackson stays out.
            boolean allowedLibrary = target.startsWith("java.")
                    || target.startsWith("dev.fuse.")
                    || target.startsWith("io.temporal.")
                    || target.startsWith("org.slf4j.")
                    // Workflow.getMetricsScope() is a tally scope, silenced by the SDK during replay.
                    || target.startsWith("com.uber.m3.tally.")
                    || target.equals("com.uber.m3.util.Duration")
                    || target.startsWith("com.fasterxml.jackson.annotation.");
            if (!allowedLibrary || FORBIDDEN_IN_WORKFLOWS.matcher(target).matches()) {
                violations.add(parts[0] + " -> " + target);
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void mainClassesStayUnder250LinesAndMethodsUnder50() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources("src/main/java", MODULES)) {
            violations.addAll(Sizes.violations(file, Files.readAllLines(file), MAX_CLASS_LINES, MAX_METHOD_LINES));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void otherModulesUseOnlyTheContractOfTheWorkflowsModule() throws IOException {
        List<String> others = List.of("activities", "starter", "worker", "devstack", "bench");
        List<String> violations = new ArrayList<>();
        for (String dir : List.of("src/main/java", "src/test/java")) {
            for (Path file : sources(dir, others)) {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = Pattern.compile("^import (?:static )?(dev\\.fuse\\.release\\.workflow\\.\\w+)")
                            .matcher(line);
                    if (m.find() && !REGISTERED_WORKFLOWS.matcher(m.group(1)).matches()) {
                        violations.add(HOME.relativize(file) + ": " + line.trim());
                    }
                }
            }
        }
        assertThat(violations)
                .as("imports of the workflows' implementation package")
                .isEmpty();
    }

    @Test
    void everyVersionMarkerIsAnOpenPatchListedInTheArchitectureDocs() throws IOException {
        Set<String> inCode = new TreeSet<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : sources("src/main/java", List.of("workflows"))) {
            Matcher m = Pattern.compile("getVersion\\(\\s*([^,)]+)").matcher(Files.readString(file));
            while (m.find()) {
                String changeId = m.group(1).trim();
                // A constant would hide the id from this check: the call names it as a literal.
                if (changeId.matches("\"[^\"]+\"")) inCode.add(changeId.substring(1, changeId.length() - 1));
                else unreadable.add(HOME.relativize(file) + ": getVersion(" + changeId);
            }
        }
        assertThat(unreadable)
                .as("getVersion calls whose change id is not a string literal")
                .isEmpty();
        String docs = Files.readString(HOME.resolve("docs/architecture.md"));
        Matcher open = Pattern.compile("(?m)^Open patches: (.*)$").matcher(docs);
        assertThat(open.find())
                .as("docs/architecture.md lists the open patches")
                .isTrue();
        Set<String> listed = new TreeSet<>();
        Matcher id = Pattern.compile("`([^`]+)`").matcher(open.group(1));
        while (id.find()) listed.add(id.group(1));
        assertThat(inCode)
                .as("version markers in workflow code vs the open patches")
                .isEqualTo(listed);
    }

    @Test
    void mainCodeNamesClassesByImportNotInline() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources(
                "src/main/java",
                Stream.concat(MODULES.stream(), Stream.of("bench")).toList())) {
            violations.addAll(InlineNames.find(file, Files.readAllLines(file)));
        }
        assertThat(violations).isEmpty();
    }

    private static List<Path> sources(String dir, List<String> modules) throws IOException {
        List<Path> all = new ArrayList<>();
        for (String module : modules) {
            Path root = HOME.resolve(module).resolve(dir);
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void theRulesCatchWhatTheyAreFor() {
        assertThat(Cycles.find(Map.of("a", Set.of("b"), "b", Set.of("a"), "c", Set.of("a"))))
                .hasSize(1);
        List<String> longMethod = new ArrayList<>(List.of("class A {", "    void m() {"));
        for (int i = 0; i < 50; i++) longMethod.add("        x();");
        longMethod.addAll(List.of("    }", "}"));
        assertThat(Sizes.violations(Path.of("A.java"), longMethod, 300, 50))
                .containsExactly("A.java: method m at line 2 has 52 lines");
        assertThat(FORBIDDEN_IN_WORKFLOWS.matcher("java.util.HashMap").matches())
                .isTrue();
        assertThat(FORBIDDEN_IN_WORKFLOWS.matcher("java.util.TreeMap").matches())
                .isFalse();
        assertThat(InlineNames.find(
                        Path.of("A.java"),
                        List.of(
                                "import java.util.List;",
                                " * {@link java.util.List}",
                                "    String s = \"java.util.List\"; // java.util.List",
                                "    java.util.List<String> names = java.util.Map.of();")))
                .containsExactly("A.java:4: java.util.List", "A.java:4: java.util.Map");
        assertThat(REGISTERED_WORKFLOWS
                        .matcher("dev.fuse.release.workflow.ReleaseState")
                        .matches())
                .isFalse();
    }

    private static List<String> jdeps(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ToolProvider.findFirst("jdeps")
                .orElseThrow()
                .run(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        args);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Strongly connected components with more than one package (Tarjan). */
    static final class Cycles {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<List<String>> found = new ArrayList<>();

        private Cycles(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        static List<List<String>> find(Map<String, Set<String>> edges) {
            Cycles c = new Cycles(edges);
            for (String v : edges.keySet()) {
                if (!c.index.containsKey(v)) c.visit(v);
            }
            return c.found;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            for (String w : edges.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) found.add(component);
            }
        }
    }

    /** Names like {@code java.util.List} written in code instead of imported (comments and strings aside). */
    static final class InlineNames {
        private static final Pattern QUALIFIED = Pattern.compile(
                "(?<![\\w.\"/@])((?:java|javax|io|com|org|software|dev|picocli)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*)");

        static List<String> find(Path file, List<String> lines) {
            List<String> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String code = Sizes.LITERALS.matcher(lines.get(i)).replaceAll("\"\"");
                String head = code.trim();
                if (head.startsWith("import ")
                        || head.startsWith("package ")
                        || head.startsWith("*")
                        || head.startsWith("/*")) continue;
                Matcher m = QUALIFIED.matcher(code);
                while (m.find()) found.add(file + ":" + (i + 1) + ": " + m.group(1));
            }
            return found;
        }
    }

    /** Counts lines of a file and of each method (from its signature to its closing brace). */
    static final class Sizes {
        private static final Pattern SIGNATURE = Pattern.compile(
                "^(\\s+)(?:(?:public|private|protected|static|final|abstract|synchronized|default|<[^>]+>)\\s+)*"
                        + "[\\w<>\\[\\],.? ]+\\s+(\\w+)\\s*\\(");
        static final Pattern LITERALS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|//.*$");

        static List<String> violations(Path file, List<String> lines, int maxClass, int maxMethod) {
            List<String> found = new ArrayList<>();
            if (lines.size() > maxClass) found.add(file + ": " + lines.size() + " lines");
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = SIGNATURE.matcher(lines.get(i));
                String head = lines.get(i).trim();
                if (!m.find() || head.startsWith("return") || head.startsWith("new ") || head.contains(" = ")) continue;
                int end = end(lines, i);
                if (end > i && end - i + 1 > maxMethod) {
                    found.add(file + ": method " + m.group(2) + " at line " + (i + 1) + " has " + (end - i + 1)
                            + " lines");
                }
                if (end > i) i = end;
            }
            return found;
        }

        /** The line closing the block opened on or after {@code start}, or {@code start} for a declaration. */
        private static int end(List<String> lines, int start) {
            int depth = 0;
            boolean opened = false;
            for (int k = start; k < lines.size(); k++) {
                String code = LITERALS.matcher(lines.get(k)).replaceAll("");
                if (!opened && code.trim().endsWith(";") && !code.contains("{")) return start;
                for (char ch : code.toCharArray()) {
                    if (ch == '{') {
                        depth++;
                        opened = true;
                    } else if (ch == '}') {
                        depth--;
                    }
                }
                if (opened && depth == 0) return k;
            }
            return start;
        }
    }
}
