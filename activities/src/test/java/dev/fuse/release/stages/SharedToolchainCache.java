package dev.fuse.release.stages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points a test copy of the example's fixture toolchain at one cache of compiled JIT classes for
 * the whole test run, as a developer's toolchain keeps its cache in the home folder. Without it
 * every checkout (measure, parity) runs javac again, three times per target, and these tests
 * check the stages, not the fixture's compile time. Content-keyed, so no revision sees another's
 * classes.
 */
final class SharedToolchainCache {
    static final Path DIR = Path.of("target/fixture-toolchain-cache").toAbsolutePath();

    private SharedToolchainCache() {}

    static void use(Path tree) throws IOException {
        Path script = tree.resolve("toolchain/bin/fuse");
        String text = Files.readString(script);
        String local = "\"$root/.fuse-cache";
        if (!text.contains(local)) throw new IllegalStateException(script + " no longer caches in " + local);
        Files.writeString(script, text.replace(local, "\"" + DIR));
    }
}
