package dev.fuse.release.process;

import dev.fuse.release.secrets.SecretMask;
import dev.fuse.release.secrets.StepEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command with a timeout, its stdout and stderr interleaved into a log file,
 * calling {@code onTick} every couple of seconds so that the calling activity can heartbeat. The
 * command gets exactly the environment it is given (see {@link StepEnvironment}), never the
 * worker's, and its log is masked ({@link SecretMask}) before anyone reads it.
 */
public final class CommandRunner {
    private static final Duration TICK = Duration.ofSeconds(2);
    private static final int TAIL_LINES = 20;

    public record Outcome(int exitCode, long durationMillis, boolean timedOut, String tail) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    private CommandRunner() {}

    public static Outcome run(
            List<String> argv, Path workDir, Map<String, String> env, Duration timeout, Path logFile, Runnable onTick)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ProcessGroups.inOwnGroup(argv))
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.redirectOutput(logFile.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process;
        try {
            process = ProcessLaunch.start(builder);
        } catch (IOException e) {
            Files.writeString(logFile, "cannot start " + argv.get(0) + ": " + e.getMessage() + "\n");
            SecretMask.maskFile(logFile);
            return new Outcome(127, 0, false, tailOf(logFile));
        }
        ProcessGroups.started(process);
        long deadline = start + timeout.toNanos();
        boolean timedOut = false;
        try {
            while (!process.waitFor(TICK.toMillis(), TimeUnit.MILLISECONDS)) {
                onTick.run();
                if (System.nanoTime() > deadline) {
                    timedOut = true;
                    destroyTree(process);
                    Files.writeString(
                            logFile,
                            "\nfuse-release: killed after the step's timeout of " + timeout.toSeconds() + " s\n",
                            StandardOpenOption.APPEND);
                    break;
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            // A heartbeat that throws means the activity was cancelled or timed out: the build
            // must not outlive it, whatever it started.
            destroyTree(process);
            throw e;
        } finally {
            ProcessGroups.finished(process);
            SecretMask.maskFile(logFile);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int exit = timedOut ? 124 : process.exitValue();
        return new Outcome(exit, millis, timedOut, tailOf(logFile));
    }

    /**
     * Starts a helper process of ours in its own process group, recorded like a build command so
     * that a dead worker's successor ends it and what it started. Its stdin and stdout belong to
     * the caller, its stderr goes to {@code logFile}; end it with {@link #helperDone}.
     */
    public static Process startHelper(List<String> argv, Path workDir, Map<String, String> env, Path logFile)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ProcessGroups.inOwnGroup(argv))
                .directory(workDir.toFile())
                .redirectError(logFile.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = ProcessLaunch.start(builder);
        ProcessGroups.started(process);
        return process;
    }

    /** Ends a helper (and its group) if it still runs, and forgets it. */
    public static void helperDone(Process process) {
        destroyTree(process);
        ProcessGroups.finished(process);
    }

    /**
     * Kills the command and everything it started, so a timed-out or cancelled build leaves nothing
     * behind: its process group (what escaped the tree included), then any descendant that left it.
     */
    public static void destroyTree(Process process) {
        ProcessGroups.killGroupOf(process);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of a log (at most 4,000 characters), for error messages and history entries. */
    public static String tailOf(Path logFile) throws IOException {
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        String text = String.join("\n", tail);
        // Keep history entries small even when a tool prints very long lines.
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
