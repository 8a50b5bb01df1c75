package dev.fuse.release.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding a program the way a shell would: the first executable file of that name on a PATH. */
public final class Executables {
    private Executables() {}

    /** {@code tool} in the folders of {@code path} (a PATH value; null or empty finds nothing). */
    public static Optional<Path> onPath(String tool, String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
