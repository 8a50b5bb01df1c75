package dev.fuse.release.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The few git operations a release needs, through the git command line: it speaks every
 * transport (path, https, ssh) and honours the host's credentials configuration.
 */
public final class Git {
    private static final long TIMEOUT_MINUTES = 10;

    private Git() {}

    /** Clones {@code repository} into the empty directory {@code dir} and checks out {@code commit}. */
    public static void checkout(String repository, String commit, Path dir) throws IOException {
        cloneWithoutCheckout(repository, dir);
        checkoutInPlace(dir, commit);
    }

    /** Resolves a branch, tag or abbreviated commit of a checkout to a full commit id. */
    public static String resolve(Path checkout, String revision) throws IOException {
        return run(checkout, "rev-parse", "--verify", "--quiet", revision + "^{commit}")
                .trim();
    }

    /** The committer timestamp of a commit, seconds since the epoch. */
    public static long commitTime(Path checkout, String commit) throws IOException {
        return Long.parseLong(
                run(checkout, "show", "-s", "--format=%ct", commit).trim());
    }

    /** Clones without checking out: resolving a revision needs only the object database. */
    public static void cloneWithoutCheckout(String repository, Path dir) throws IOException {
        run(null, "clone", "--quiet", "--no-checkout", "--", repository, dir.toString());
    }

    /** Checks out {@code commit} (detached) in an existing clone. */
    public static void checkoutInPlace(Path clone, String commit) throws IOException {
        run(clone, "-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", commit);
    }

    static String run(Path dir, String... args) throws IOException {
        return run(dir, Map.of(), args);
    }

    /** Runs git with extra environment variables (identity, dates, config isolation); returns its output. */
    public static String run(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        // Never prompt for credentials: a release worker has no one to answer.
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new GitException("git " + String.join(" ", args) + " timed out", "");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new GitException("git " + String.join(" ", args) + " failed", text.trim());
        }
        return text;
    }

    /** A git command that exited non-zero; {@code output} is what git said. */
    public static final class GitException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String output;

        GitException(String message, String output) {
            super(output.isBlank() ? message : message + ": " + lastLine(output));
            this.output = output;
        }

        public String output() {
            return output;
        }

        private static String lastLine(String text) {
            String[] lines = text.split("\n");
            return lines[lines.length - 1];
        }
    }
}
