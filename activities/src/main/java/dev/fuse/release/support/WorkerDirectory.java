package dev.fuse.release.support;

import dev.fuse.release.process.ProcessGroups;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The part of a work directory one worker process owns: {@code worker-<pid>/}, held by a lock on
 * {@code worker-<pid>.lock} for the life of the process. The operating system drops the lock when
 * the process dies, even by {@code kill -9}, so at start a worker removes every other
 * {@code worker-*} folder whose lock it can take: workspaces a killed predecessor left behind.
 * Folders of live workers sharing the work directory are left alone.
 */
public final class WorkerDirectory implements AutoCloseable {
    /** Where the worker records the process groups of its running commands ({@link ProcessGroups}). */
    public static final String GROUPS = ".process-groups";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkerDirectory(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Claims a folder for this process in {@code workRoot} after removing those of dead workers. */
    public static WorkerDirectory claim(Path workRoot) throws IOException {
        Files.createDirectories(workRoot);
        String name = "worker-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
        FileChannel channel =
                FileChannel.open(workRoot.resolve(name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        removeLeftovers(workRoot, name);
        Path dir = Files.createDirectories(workRoot.resolve(name));
        ProcessGroups.recordIn(dir.resolve(GROUPS));
        return new WorkerDirectory(dir, channel, lock);
    }

    /** How many leftover folders {@link #claim} would remove now (for logs and tests). */
    static int removeLeftovers(Path workRoot, String own) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> locks = Files.newDirectoryStream(workRoot, "worker-*.lock")) {
            for (Path lockFile : locks) {
                String name = lockFile.getFileName().toString().replace(".lock", "");
                if (name.equals(own) || !ownerIsGone(lockFile)) continue;
                // A worker killed with -9 could not end its builds: end them before removing their files.
                ProcessGroups.killLeftovers(workRoot.resolve(name).resolve(GROUPS));
                Workspace.deleteTree(workRoot.resolve(name));
                Files.deleteIfExists(lockFile);
                removed++;
            }
        }
        return removed;
    }

    private static boolean ownerIsGone(Path lockFile) throws IOException {
        try (FileChannel other = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = other.tryLock();
            if (probe == null) return false; // another process holds it
            probe.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this JVM holds it (another worker in the same process)
        }
    }

    public Path path() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        Workspace.deleteTree(dir);
        lock.release();
        channel.close();
        Files.deleteIfExists(dir.resolveSibling(dir.getFileName() + ".lock"));
    }
}
