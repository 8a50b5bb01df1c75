package dev.fuse.release.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh, private directory tree for one build attempt, deleted afterwards. */
public final class Workspace implements AutoCloseable {
    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    public static Workspace create(Path parent, String label) throws IOException {
        Files.createDirectories(parent);
        return new Workspace(Files.createTempDirectory(parent, label.replaceAll("[^A-Za-z0-9.-]", "_") + "-"));
    }

    public Path root() {
        return root;
    }

    /** Where the worker that made this workspace keeps its repository mirrors (beside its workspaces). */
    public Path mirrors() {
        return root.getParent().resolve(".mirrors");
    }

    public Path dir(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    @Override
    public void close() throws IOException {
        deleteTree(root);
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}
