package dev.fuse.release.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * The env file through which other terminals of a checkout find its running dev stack, owned by
 * exactly one stack at a time: the owner holds an OS lock on {@code env.lock} for as long as it
 * runs (the OS releases it when the process dies, even by {@code kill -9}), and only the owner
 * writes or deletes the env file.
 */
public final class DevEnvFile implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DevEnvFile(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Claims the env file, or returns empty when another running stack owns it. */
    public static Optional<DevEnvFile> claim(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path lockFile = lockFileOf(file);
        FileChannel channel = FileChannel.open(
                lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (a stack started in-process, e.g. by a test)
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
        return Optional.of(new DevEnvFile(file, channel, lock));
    }

    /** The process id the owner wrote into the lock file, for messages. */
    public static String owner(Path file) {
        try {
            return Files.readString(lockFileOf(file)).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    public Path path() {
        return file;
    }

    public void write(Map<String, String> env) throws IOException {
        StringBuilder text = new StringBuilder("# written by ./fuse-release dev (pid "
                + ProcessHandle.current().pid() + "); removed when it stops\n");
        env.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the env file this stack wrote, then gives up ownership. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
        lock.release();
        channel.close();
    }
}
