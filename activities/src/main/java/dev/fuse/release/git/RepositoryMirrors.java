package dev.fuse.release.git;

import dev.fuse.release.support.Sha256;
import dev.fuse.release.support.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One bare mirror per repository in a worker's folder, so that the plan, build, rebuild, measure
 * and parity stages of every release this worker runs clone the remote once and afterwards only
 * fetch what is new. The mirror is a cache, never trusted for content: a workspace is a local
 * clone of it (hard links, no network) checked out at the planned full commit id, which git
 * verifies object by object, and {@code ReleaseCheckout} then checks the recipe digest against the
 * plan. A mirror whose first clone did not finish (the worker died) has no completion marker and
 * is made again. The worker's folder, mirrors included, goes when the worker stops.
 */
public final class RepositoryMirrors {
    private static final String COMPLETE = "fuse-release-mirror-complete";
    private static final Map<Path, RepositoryMirrors> BY_ROOT = new ConcurrentHashMap<>();

    private final Path root;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private RepositoryMirrors(Path root) {
        this.root = root;
    }

    /** The mirrors kept in {@code root} (one instance per folder, shared by the activities of a worker). */
    public static RepositoryMirrors in(Path root) {
        return BY_ROOT.computeIfAbsent(root.toAbsolutePath().normalize(), RepositoryMirrors::new);
    }

    /** Clones {@code repository} into the empty {@code dir} through the mirror, and checks out {@code commit}. */
    public void checkout(String repository, String commit, Path dir) throws IOException {
        Path mirror = mirrorHolding(repository, commit);
        Git.cloneWithoutCheckout(mirror.toString(), dir);
        Git.checkoutInPlace(dir, commit);
    }

    /** Clones {@code repository} into {@code dir} without checkout, through a freshly fetched mirror. */
    public void cloneLatest(String repository, Path dir) throws IOException {
        Path mirror = mirrorHolding(repository, null);
        Git.cloneWithoutCheckout(mirror.toString(), dir);
    }

    /** The mirror, fetched when it lacks {@code commit} (null: always, for a branch that may have moved). */
    Path mirrorHolding(String repository, String commit) throws IOException {
        synchronized (locks.computeIfAbsent(repository, r -> new Object())) {
            Path mirror = root.resolve(
                    Sha256.of(repository.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".git");
            if (!Files.exists(mirror.resolve(COMPLETE))) {
                Workspace.deleteTree(mirror);
                Files.createDirectories(root);
                Git.run(null, "clone", "--quiet", "--mirror", "--", repository, mirror.toString());
                Files.createFile(mirror.resolve(COMPLETE));
            } else if (commit == null || !holds(mirror, commit)) {
                Git.run(mirror, "fetch", "--quiet", "--prune", "origin");
            }
            return mirror;
        }
    }

    private static boolean holds(Path mirror, String commit) {
        try {
            Git.run(mirror, "cat-file", "-e", commit + "^{commit}");
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
