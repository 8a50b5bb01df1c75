package dev.fuse.release.git;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Turns a copy of {@code examples/fuse-hello} into a git repository whose single commit has
 * fixed author, committer and dates, so its commit id and SOURCE_DATE_EPOCH are the same on every
 * machine and every run.
 */
public final class ExampleRepository {
    /** 2026-01-01T00:00:00Z: the example's release commit time, hence its SOURCE_DATE_EPOCH. */
    public static final long COMMIT_EPOCH = 1767225600L;

    public static final String BRANCH = "main";

    private ExampleRepository() {}

    /** Creates (or reuses, if already made from the same files) the repository; returns its commit. */
    public static String prepare(Path source, Path repository) throws IOException {
        return prepare(source, repository, tree -> {});
    }

    /** Changes the copied files before the commit (tests make variants of the example this way). */
    @FunctionalInterface
    public interface Edit {
        void apply(Path tree) throws IOException;
    }

    public static String prepare(Path source, Path repository, Edit edit) throws IOException {
        if (!Files.isRegularFile(source.resolve("fuse-release.json"))) {
            throw new IOException("no example project at " + source + " (expected fuse-release.json there)");
        }
        if (Files.isDirectory(repository.resolve(".git"))) {
            return git(repository, "rev-parse", BRANCH).trim();
        }
        Files.createDirectories(repository);
        copyTree(source, repository);
        edit.apply(repository);
        git(repository, "init", "--quiet", "--initial-branch=" + BRANCH);
        git(repository, "add", "--all");
        git(
                repository,
                "-c",
                "commit.gpgsign=false",
                "commit",
                "--quiet",
                "--no-verify",
                "-m",
                "fuse-hello example release");
        return git(repository, "rev-parse", BRANCH).trim();
    }

    /**
     * One more commit on the checked-out branch of an example repository: {@code edit} changes the
     * tree, then everything is committed by {@code author} with {@code message} (subject, blank
     * line, body). Config-isolated like {@link #prepare}; the new commit id.
     */
    /**
     * An edit for test copies of the example: its fixture toolchain keeps compiled JIT classes in
     * {@code cacheDir} instead of each checkout's {@code .fuse-cache/}, as a developer's toolchain
     * keeps its cache in the home folder. Without it every checkout (measure, parity) runs javac
     * again, three times per target release. Content-keyed, so no revision sees another's classes.
     */
    public static Edit sharedToolchainCache(Path cacheDir) {
        return tree -> {
            Path script = tree.resolve("toolchain/bin/fuse");
            String text = Files.readString(script);
            String local = "\"$root/.fuse-cache";
            if (!text.contains(local)) throw new IllegalStateException(script + " no longer caches in " + local);
            Files.writeString(script, text.replace(local, "\"" + cacheDir.toAbsolutePath()));
        };
    }

    public static String commit(Path repository, String author, String message, Edit edit) throws IOException {
        edit.apply(repository);
        run(repository, author, "add", "--all");
        run(repository, author, "-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify", "-m", message);
        return run(repository, author, "rev-parse", "HEAD").trim();
    }

    /** git in an example repository as {@code author}, with no user or system config (branches, merges). */
    public static String run(Path repository, String author, String... args) throws IOException {
        return Git.run(
                repository,
                Map.of(
                        "GIT_AUTHOR_NAME", author,
                        "GIT_AUTHOR_EMAIL", "dev@fuse.invalid",
                        "GIT_COMMITTER_NAME", author,
                        "GIT_COMMITTER_EMAIL", "dev@fuse.invalid",
                        "GIT_CONFIG_NOSYSTEM", "1",
                        "GIT_CONFIG_GLOBAL", "/dev/null"),
                args);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                // The fixture toolchain's compiled classes, left by running it in the source tree.
                if (dir.getFileName().toString().equals(".fuse-cache")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path dest = target.resolve(source.relativize(file).toString());
                Files.copy(file, dest, StandardCopyOption.REPLACE_EXISTING);
                // Git records only the executable bit; normalise it so umask and checkout do not matter.
                dest.toFile().setExecutable(file.getFileName().toString().equals("fuse"), false);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String git(Path dir, String... args) throws IOException {
        String date = "@" + COMMIT_EPOCH + " +0000";
        // Fixed identity and dates, and no user or system git config: the commit id is reproducible.
        return Git.run(
                dir,
                Map.of(
                        "GIT_AUTHOR_NAME",
                        "Fuse Example",
                        "GIT_AUTHOR_EMAIL",
                        "example@fuse.invalid",
                        "GIT_AUTHOR_DATE",
                        date,
                        "GIT_COMMITTER_NAME",
                        "Fuse Example",
                        "GIT_COMMITTER_EMAIL",
                        "example@fuse.invalid",
                        "GIT_COMMITTER_DATE",
                        date,
                        "GIT_CONFIG_NOSYSTEM",
                        "1",
                        "GIT_CONFIG_GLOBAL",
                        "/dev/null"),
                args);
    }
}
